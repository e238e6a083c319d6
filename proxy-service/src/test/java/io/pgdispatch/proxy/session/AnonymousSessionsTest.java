package io.pgdispatch.proxy.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.proxy.access.AccessPolicy;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.routing.AnonymousAccess;
import io.pgdispatch.proxy.routing.ReadReplica;
import io.pgdispatch.proxy.routing.Target;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The anonymous places of each cluster: taken up to the limit, given back once each, clusters apart, and an
 * endpoint with a setting of its own apart from its cluster.
 */
class AnonymousSessionsTest {

    private final AnonymousSessions sessions = new AnonymousSessions();

    @Test
    void placesAreTakenUpToTheLimitAndGivenBackOnce() {
        Target docs = target("docs", 2);
        AnonymousSessions.Slot first = sessions.acquire(docs);
        AnonymousSessions.Slot second = sessions.acquire(docs);

        ProtocolException full = assertThrows(ProtocolException.class, () -> sessions.acquire(docs));
        assertEquals("53300", full.sqlState());
        first.release();
        first.release();
        AnonymousSessions.Slot third = sessions.acquire(docs);
        assertThrows(ProtocolException.class, () -> sessions.acquire(docs), "a second release gave nothing back");
        second.release();
        third.release();
        sessions.acquire(docs);
    }

    @Test
    void eachClusterHasItsOwnPlaces() {
        sessions.acquire(target("docs", 1));

        sessions.acquire(target("shop", 1));
        assertThrows(ProtocolException.class, () -> sessions.acquire(target("docs", 1)));
    }

    @Test
    void anEndpointWithItsOwnSettingHasItsOwnPlacesAndOneFollowingTheClusterSharesItsPlaces() {
        sessions.acquire(target("docs", 1));

        sessions.acquire(throughEndpoint("docs", "ep-own", 1, true));
        ProtocolException full = assertThrows(ProtocolException.class,
            () -> sessions.acquire(throughEndpoint("docs", "ep-follows", 1, false)));
        assertEquals("too many anonymous sessions on cluster \"docs\" (at most 1): try again later, or log in with"
            + " a role and its password", full.getMessage());
        ProtocolException ownFull = assertThrows(ProtocolException.class,
            () -> sessions.acquire(throughEndpoint("docs", "ep-own", 1, true)));
        assertTrue(ownFull.getMessage().startsWith("too many anonymous sessions on endpoint \"ep-own\""),
            ownFull.getMessage());
    }

    private static Target target(String cluster, int limit) {
        return new Target("account", cluster, "branch", "main", Optional.empty(), ReadReplica.NONE, false,
            Optional.empty(), AccessPolicy.OPEN, true, false,
            new AnonymousAccess(AnonymousAccess.Mode.READ_ONLY, limit, Duration.ofSeconds(30), false));
    }

    private static Target throughEndpoint(String cluster, String endpoint, int limit, boolean ownSetting) {
        return new Target("account", cluster, "branch", "main", Optional.empty(), ReadReplica.NONE, false,
            Optional.of(endpoint), AccessPolicy.OPEN, true, false,
            new AnonymousAccess(AnonymousAccess.Mode.READ_ONLY, limit, Duration.ofSeconds(30), ownSetting));
    }
}
