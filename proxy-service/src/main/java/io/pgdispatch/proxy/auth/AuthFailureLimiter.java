package io.pgdispatch.proxy.auth;

import io.pgdispatch.proxy.ProxyConfig;
import io.pgdispatch.proxy.access.ClientOrigin;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import io.pgdispatch.proxy.routing.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed logins per target (an endpoint, or a cluster reached without one) and client subnet (IPv4 /24,
 * IPv6 /64), and refuses further attempts from that subnet to that target once {@link ProxyConfig#authFailureLimit()}
 * failures fell within {@link ProxyConfig#authFailureWindow()}, until that window has ended. Guessing
 * passwords from one network is slowed to a trickle while every other client of the same target, and the same
 * client at every other target, logs in as before.
 *
 * <p>Each counter is a fixed window that restarts at the first failure after it ended: simple, thread-safe through
 * the map's atomic compute, and no memory per attempt. Windows that have ended are dropped once the map holds many.
 *
 * <p>Limitation: the counters live in each proxy's memory, so with several proxy replicas a client behind a load
 * balancer that spreads its connections gets the limit once per replica.
 */
@ApplicationScoped
public class AuthFailureLimiter {

    private static final int PRUNE_ABOVE = 10_000;

    private final int limit;
    private final long windowNanos;
    private final ConcurrentMap<Key, Window> windows = new ConcurrentHashMap<>();

    @Inject
    AuthFailureLimiter(ProxyConfig config) {
        this(config.authFailureLimit(), config.authFailureWindow());
    }

    AuthFailureLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Refuses the attempt (28000) when its subnet has used up its failures at this target. */
    public void checkAllowed(Target target, ClientOrigin origin) {
        Window window = windows.get(keyOf(target, origin));
        long now = System.nanoTime();
        if (window != null && window.isOpen(now, windowNanos) && window.failures() >= limit) {
            long seconds = Math.max(1, (window.startedAt() + windowNanos - now) / 1_000_000_000L);
            throw new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "too many failed logins from "
                + subnetOf(origin.address()) + " to " + describe(target) + ": try again in " + seconds + " s");
        }
    }

    public void recordFailure(Target target, ClientOrigin origin) {
        long now = System.nanoTime();
        windows.compute(keyOf(target, origin), (key, window) -> window == null || !window.isOpen(now, windowNanos)
            ? new Window(now, 1) : new Window(window.startedAt(), window.failures() + 1));
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(window -> !window.isOpen(now, windowNanos));
        }
    }

    private static Key keyOf(Target target, ClientOrigin origin) {
        return new Key(target.endpointId().orElse(target.clusterId()), HexFormat.of().formatHex(subnet(origin
            .address())));
    }

    private static byte[] subnet(InetAddress address) {
        byte[] bytes = address.getAddress();
        return Arrays.copyOf(bytes, address instanceof Inet4Address ? 3 : 8);
    }

    private static String subnetOf(InetAddress address) {
        byte[] prefix = Arrays.copyOf(subnet(address), address.getAddress().length);
        try {
            return InetAddress.getByAddress(prefix).getHostAddress()
                + (address instanceof Inet4Address ? "/24" : "/64");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Target target) {
        return target.endpointId().map(id -> "endpoint \"" + id + "\"")
            .orElse("cluster \"" + target.clusterId() + "\"");
    }

    private record Key(String target, String subnet) {
    }

    private record Window(long startedAt, int failures) {

        boolean isOpen(long now, long length) {
            return now - startedAt < length;
        }
    }
}
