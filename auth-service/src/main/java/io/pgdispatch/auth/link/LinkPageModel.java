package io.pgdispatch.auth.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/**
 * What the link page shows. {@code view} is one of: {@code unknown} (no such link), {@code no-account} (the
 * identity acts for no account), {@code choose} (pending: the form), or the state of a session that is over.
 */
public record LinkPageModel(String view, String linkId, String clientAddress, Instant expiresAt, String issuer,
    String subject, List<LinkChoices.Target> targets, List<String> roles, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LinkPageModel unknown() {
        return new LinkPageModel("unknown", "", "", null, "", "", List.of(), List.of(), "");
    }

    /** Shows the login's issuer and subject, which its owner registers to let it act for the account. */
    static LinkPageModel noAccount(LinkSession session, LoginIdentity identity) {
        return new LinkPageModel("no-account", session.id(), session.clientAddress(), session.expiresAt(),
            identity.issuer(), identity.subject(), List.of(), List.of(), "");
    }

    static LinkPageModel of(LinkSession session, LoginIdentity identity, LinkChoices choices) {
        String view = session.state() == LinkState.PENDING ? "choose" : session.state().text();
        return new LinkPageModel(view, session.id(), session.clientAddress(), session.expiresAt(), identity.issuer(),
            identity.subject(), choices.targets(), choices.roles(), "");
    }

    /** The body of the POST /v1/login-identities that lets this login act for an account. */
    public String registration() {
        return JSON.createObjectNode().put("issuer", issuer).put("subject", subject).toString();
    }

    /** The page after an answer: the state reached, or the reason the answer was refused. */
    public static LinkPageModel after(String view, String message) {
        return new LinkPageModel(view, "", "", null, "", "", List.of(), List.of(), message);
    }
}
