package io.pgdispatch.auth.link;

import io.grpc.Status;
import io.pgdispatch.auth.store.LinkSessionStore;
import io.pgdispatch.auth.store.LinkTargetStore;
import io.pgdispatch.auth.store.LoginIdentityStore;
import io.pgdispatch.auth.store.RoleStore;
import io.pgdispatch.contract.router.v1.AccountCluster;
import io.pgdispatch.contract.router.v1.ListAccountTargetsRequest;
import io.pgdispatch.contract.router.v1.RouterService;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Login by link. The proxy creates a session for a connection to start.&lt;domain&gt; and waits; a person opens the
 * link, logs in through the OIDC provider as an identity of an account, chooses a target and a role, and confirms;
 * the proxy then routes the connection there. The database holds every session's state, so the proxy's wait and
 * the browser's confirmation may reach different replicas: the wait reads the row again every {@link #POLL}.
 */
@ApplicationScoped
public class LinkLogins {

    static final Duration POLL = Duration.ofMillis(200);

    private final LinkSessionStore sessions;
    private final LoginIdentityStore identities;
    private final RoleStore roles;
    private final LinkTargetStore preferredTargets;
    private final LinkConfig config;
    private final RouterService router;

    LinkLogins(LinkSessionStore sessions, LoginIdentityStore identities, RoleStore roles,
            LinkTargetStore preferredTargets, LinkConfig config, @GrpcClient("router") RouterService router) {
        this.sessions = sessions;
        this.identities = identities;
        this.roles = roles;
        this.preferredTargets = preferredTargets;
        this.config = config;
        this.router = router;
    }

    public Uni<LinkSession> create(String clientAddress) {
        return sessions.create(clientAddress, config.ttl());
    }

    public String urlOf(LinkSession session) {
        return config.baseUrl() + session.id();
    }

    /** The session once it is no longer pending, or as it is after {@code wait}; NOT_FOUND for an unknown id. */
    public Uni<LinkSession> await(String id, Duration wait) {
        return existing(id).chain(now -> now.state() != LinkState.PENDING || wait.compareTo(POLL) < 0
            ? Uni.createFrom().item(now)
            : Multi.createFrom().ticks().every(POLL)
                .onItem().transformToUniAndConcatenate(tick -> existing(id))
                .filter(session -> session.state() != LinkState.PENDING)
                .toUni()
                .ifNoItem().after(wait).recoverWithUni(() -> existing(id)));
    }

    public Uni<Boolean> abandon(String id) {
        return sessions.end(id, LinkState.ABANDONED);
    }

    /** What the page shows: the session, and the account and its choices when the identity acts for one. */
    public Uni<LinkPageModel> page(String id, LoginIdentity identity) {
        return sessions.find(id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(LinkPageModel.unknown());
            }
            LinkSession session = found.get();
            return identities.accountOf(identity.issuer(), identity.subject()).chain(account -> account.isEmpty()
                ? Uni.createFrom().item(LinkPageModel.noAccount(session, identity))
                : choicesOf(account.get()).map(choices -> LinkPageModel.of(session, identity, choices)));
        });
    }

    /**
     * Confirms the session for the identity's account, with a target and role of that account only; fails with
     * {@link LinkRefusedException} when the identity acts for no account, the choice is not one of the account's,
     * or the session is no longer pending.
     */
    public Uni<LinkSession> confirm(String id, LoginIdentity identity, String target, String role) {
        return accountFor(identity).chain(account -> choicesOf(account).chain(choices -> {
            Optional<LinkChoice> choice = choices.choose(target, role);
            if (choice.isEmpty()) {
                return Uni.createFrom().failure(new LinkRefusedException(
                    "choose one of your account's targets and roles from the lists"));
            }
            return sessions.confirm(id, account, choice.get()).chain(done -> done ? existing(id)
                : Uni.createFrom().failure(new LinkRefusedException(
                    "this login link was used, cancelled or has expired: connect again for a new one")));
        }));
    }

    public Uni<Boolean> cancel(String id, LoginIdentity identity) {
        return accountFor(identity).chain(account -> sessions.end(id, LinkState.CANCELLED));
    }

    private Uni<String> accountFor(LoginIdentity identity) {
        return identities.accountOf(identity.issuer(), identity.subject())
            .map(account -> account.orElseThrow(() -> new LinkRefusedException("your login (issuer \""
                + identity.issuer() + "\", subject \"" + identity.subject() + "\") is not linked to an account:"
                + " register it with POST /v1/login-identities and these two values")));
    }

    private Uni<LinkChoices> choicesOf(String accountId) {
        Uni<List<AccountCluster>> clusters = router.listAccountTargets(
                ListAccountTargetsRequest.newBuilder().setAccountId(accountId).build())
            .map(answer -> answer.getClustersList());
        return Uni.combine().all().unis(clusters, roles.list(accountId), preferredTargets.find(accountId)).asTuple()
            .map(all -> LinkChoices.of(all.getItem1(), all.getItem2().stream().map(role -> role.name()).toList(),
                all.getItem3()));
    }

    private Uni<LinkSession> existing(String id) {
        return sessions.find(id).map(found -> found.orElseThrow(() -> Status.NOT_FOUND
            .withDescription("no login link session has this id").asRuntimeException()));
    }
}
