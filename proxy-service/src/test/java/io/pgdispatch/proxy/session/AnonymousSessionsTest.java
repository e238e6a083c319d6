package io.pgdispatch.proxy.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgdispatch.proxy.access.AccessPolicy;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.routing.AnonymousAccess;
import io.pgdispatch.proxy.routing.ReadReplica;
import io.pgdispatch.proxy.routing.Target;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The anonymous places of each cluster: taken up to the limit, given back once each, clusters apart. */
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

    private static Target target(String cluster, int limit) {
        return new Target("account", cluster, "branch", "main", Optional.empty(), ReadReplica.NONE, false,
            Optional.empty(), AccessPolicy.OPEN, true, false,
            new AnonymousAccess(AnonymousAccess.Mode.READ_ONLY, limit, Duration.ofSeconds(30)));
    }
}
