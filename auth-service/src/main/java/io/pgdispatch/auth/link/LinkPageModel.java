package io.pgdispatch.auth.link;

import java.time.Instant;
import java.util.List;

/**
 * What the link page shows. {@code view} is one of: {@code unknown} (no such link), {@code no-account} (the
 * identity acts for no account), {@code choose} (pending: the form), or the state of a session that is over.
 */
public record LinkPageModel(String view, String linkId, String clientAddress, Instant expiresAt, String subject,
    List<LinkChoices.Target> targets, List<String> roles, String message) {

    static LinkPageModel unknown() {
        return new LinkPageModel("unknown", "", "", null, "", List.of(), List.of(), "");
    }

    static LinkPageModel noAccount(LinkSession session, LoginIdentity identity) {
        return new LinkPageModel("no-account", session.id(), session.clientAddress(), session.expiresAt(),
            identity.subject(), List.of(), List.of(), "");
    }

    static LinkPageModel of(LinkSession session, LoginIdentity identity, LinkChoices choices) {
        String view = session.state() == LinkState.PENDING ? "choose" : session.state().text();
        return new LinkPageModel(view, session.id(), session.clientAddress(), session.expiresAt(), identity.subject(),
            choices.targets(), choices.roles(), "");
    }

    /** The page after an answer: the state reached, or the reason the answer was refused. */
    public static LinkPageModel after(String view, String message) {
        return new LinkPageModel(view, "", "", null, "", List.of(), List.of(), message);
    }
}
