package io.pgdispatch.proxy.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.proxy.access.AccessPolicy;
import io.pgdispatch.proxy.access.ClientOrigin;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.routing.AnonymousAccess;
import io.pgdispatch.proxy.routing.ReadReplica;
import io.pgdispatch.proxy.routing.Target;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failed logins are counted per target and client subnet, and only that pair is refused. */
class AuthFailureLimiterTest {

    private static final Target ENDPOINT = target(Optional.of("ep-1"));
    private static final Target CLUSTER = target(Optional.empty());

    @Test
    void refusesTheSubnetAfterTheLimitAndNoOneElse() throws Exception {
        AuthFailureLimiter limiter = new AuthFailureLimiter(3, Duration.ofMinutes(1));
        ClientOrigin guesser = origin("203.0.113.9");
        for (int i = 0; i < 3; i++) {
            limiter.checkAllowed(ENDPOINT, guesser);
            limiter.recordFailure(ENDPOINT, guesser);
        }

        ProtocolException refused = assertThrows(ProtocolException.class,
            () -> limiter.checkAllowed(ENDPOINT, origin("203.0.113.77")));

        assertEquals("28000", refused.sqlState());
        assertTrue(refused.getMessage().contains("too many failed logins from 203.0.113.0/24 to endpoint \"ep-1\""),
            refused.getMessage());
        assertDoesNotThrow(() -> limiter.checkAllowed(ENDPOINT, origin("198.51.100.9")), "another subnet");
        assertDoesNotThrow(() -> limiter.checkAllowed(CLUSTER, guesser), "the same subnet at another target");
    }

    @Test
    void countsIpv6ClientsPerSlash64AndForgetsAfterTheWindow() throws Exception {
        AuthFailureLimiter limiter = new AuthFailureLimiter(1, Duration.ofMillis(200));
        limiter.recordFailure(CLUSTER, origin("2001:db8:1:2::5"));

        ProtocolException refused = assertThrows(ProtocolException.class,
            () -> limiter.checkAllowed(CLUSTER, origin("2001:db8:1:2:ffff::1")));
        assertTrue(refused.getMessage().contains("2001:db8:1:2:0:0:0:0/64"), refused.getMessage());
        assertDoesNotThrow(() -> limiter.checkAllowed(CLUSTER, origin("2001:db8:1:3::5")));

        Thread.sleep(250);
        assertDoesNotThrow(() -> limiter.checkAllowed(CLUSTER, origin("2001:db8:1:2::5")), "the window has ended");
    }

    private static ClientOrigin origin(String address) throws Exception {
        return new ClientOrigin(InetAddress.getByName(address), Optional.empty());
    }

    private static Target target(Optional<String> endpoint) {
        return new Target("account", "cluster", "branch", "main", Optional.empty(), ReadReplica.NONE, false, endpoint,
            AccessPolicy.OPEN, true, false, AnonymousAccess.OFF);
    }
}
