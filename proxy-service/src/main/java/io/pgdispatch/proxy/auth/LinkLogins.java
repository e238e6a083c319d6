package io.pgdispatch.proxy.auth;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.contract.auth.v1.AbandonLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.AwaitLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.AwaitLinkSessionResponse;
import io.pgdispatch.contract.auth.v1.CreateLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.CreateLinkSessionResponse;
import io.pgdispatch.contract.auth.v1.LinkState;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import io.pgdispatch.proxy.routing.RequestedTarget;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Login by link, as the proxy sees it: auth-service makes a session with a URL for a connection to
 * start.&lt;domain&gt;, and answers once a person has confirmed it in the browser, cancelled it, or let it expire.
 * The proxy asks in long polls of {@link #POLL}, each answered as soon as the session is decided.
 */
@ApplicationScoped
public class LinkLogins {

    /** The role link sessions log in to the compute as, taking the chosen account role with {@code -c role=}. */
    public static final String COMPUTE_ROLE = "dispatch_link";

    private static final Logger LOG = Logger.getLogger(LinkLogins.class);
    private static final Duration POLL = Duration.ofSeconds(20);
    /** Retries while auth-service is away: 0.2 s doubling to 2 s, some 40 s in all, within the link's lifetime. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);
    private static final int RETRIES = 24;

    /** What a person confirmed: the account, where the connection goes, and the account role it runs as. */
    public record Confirmed(String accountId, RequestedTarget target, String role) {
    }

    @GrpcClient("auth")
    AuthService auth;

    public Uni<CreateLinkSessionResponse> create(String clientAddress) {
        return auth.createLinkSession(CreateLinkSessionRequest.newBuilder().setClientAddress(clientAddress).build());
    }

    /** The confirmation; fails with 28000 when the person cancelled or the link expired. */
    public Uni<Confirmed> confirmed(String linkId) {
        return decided(linkId).map(answer -> switch (answer.getState()) {
            case LINK_CONFIRMED -> new Confirmed(answer.getAccountId(), RequestedTarget.fromLink(
                present(answer.getClusterId()), present(answer.getBranchName()), present(answer.getEndpointId())),
                answer.getRoleName());
            case LINK_CANCELLED -> throw refused("the login was cancelled in the browser: connect again to start over");
            case LINK_EXPIRED -> throw refused("the login link expired before it was confirmed: connect again for a"
                + " new link");
            default -> throw refused("the login link can no longer be used: connect again for a new link");
        });
    }

    /** The client went away while waiting; the page then says so. Best effort: a lost call only leaves it to expire. */
    public void abandon(String linkId) {
        auth.abandonLinkSession(AbandonLinkSessionRequest.newBuilder().setLinkId(linkId).build())
            .subscribe().with(done -> { }, e -> LOG.debugf("abandoning a login link failed: %s", e.getMessage()));
    }

    /**
     * Asks until the session is decided. A replica of auth-service that goes away mid-wait (UNAVAILABLE) is asked
     * again, after a pause, through the client's address, where another replica or the restarted one answers.
     */
    private Uni<AwaitLinkSessionResponse> decided(String linkId) {
        AwaitLinkSessionRequest request = AwaitLinkSessionRequest.newBuilder()
            .setLinkId(linkId).setWaitMs((int) POLL.toMillis()).build();
        return Uni.createFrom().deferred(() -> auth.awaitLinkSession(request))
            .onFailure(LinkLogins::isUnavailable).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).atMost(RETRIES)
            .chain(answer -> answer.getState() == LinkState.LINK_PENDING
                ? decided(linkId) : Uni.createFrom().item(answer));
    }

    private static boolean isUnavailable(Throwable failure) {
        return failure instanceof StatusRuntimeException status
            && status.getStatus().getCode() == Status.Code.UNAVAILABLE;
    }

    private static Optional<String> present(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static ProtocolException refused(String message) {
        return new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, message);
    }
}
