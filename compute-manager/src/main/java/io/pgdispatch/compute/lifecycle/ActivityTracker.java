package io.pgdispatch.compute.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Open sessions and the last activity of each compute, in memory. Sessions are kept by id, so a repeated OPENED or
 * CLOSED changes nothing. The sets are changed only inside the map's atomic compute methods.
 *
 * <p>Limitation: the counts live in this process only. After a restart of compute-manager, sessions opened before
 * it are unknown; rediscovery gives every running compute a fresh idle period, but a session that stays open longer
 * than that is cut when its compute is suspended.
 */
@ApplicationScoped
public class ActivityTracker {

    private final ConcurrentMap<String, Set<String>> openSessions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> lastActivity = new ConcurrentHashMap<>();

    public void touch(String computeId) {
        lastActivity.put(computeId, Instant.now());
    }

    public void opened(String computeId, String sessionId) {
        openSessions.compute(computeId, (id, sessions) -> {
            Set<String> open = sessions == null ? new HashSet<>() : sessions;
            open.add(sessionId);
            return open;
        });
        touch(computeId);
    }

    public void closed(String computeId, String sessionId) {
        openSessions.computeIfPresent(computeId, (id, sessions) -> {
            sessions.remove(sessionId);
            return sessions.isEmpty() ? null : sessions;
        });
        touch(computeId);
    }

    public boolean hasOpenSessions(String computeId) {
        return openSessions.containsKey(computeId);
    }

    /** Drops what is known of a compute that no longer exists. */
    public void forget(String computeId) {
        openSessions.remove(computeId);
        lastActivity.remove(computeId);
    }

    /** No open session and no activity for the timeout; a compute never touched counts as idle. */
    public boolean isIdle(String computeId, Duration timeout) {
        if (openSessions.containsKey(computeId)) {
            return false;
        }
        Instant last = lastActivity.get(computeId);
        return last == null || !last.plus(timeout).isAfter(Instant.now());
    }
}
