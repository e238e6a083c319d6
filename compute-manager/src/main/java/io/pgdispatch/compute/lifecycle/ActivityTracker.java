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
 * it are unknown; rediscovery gives every running compute a fresh idle period. The compute's own count of clients
 * keeps a session that stays open longer than that from being cut, where the driver can ask for it (the local driver
 * can, the kubernetes driver cannot). Sessions known from events keep a shared compute running even when the compute
 * sees no client: some are compute-manager's own (a branch copy reading its parent), not the proxy's.
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

    /**
     * No event for the timeout, whatever the sessions known from events; a compute never touched counts as quiet.
     * A quiet one-off compute with open sessions is asked for its own clients, since a session whose closed event
     * never came (an opened event read again after a crash) would otherwise keep it forever.
     */
    public boolean isQuiet(String computeId, Duration timeout) {
        Instant last = lastActivity.get(computeId);
        return last == null || !last.plus(timeout).isAfter(Instant.now());
    }

    /** Drops the sessions known from events, once the compute itself has shown that none of them is left. */
    public void dropSessions(String computeId) {
        openSessions.remove(computeId);
    }

    /** No open session and no activity for the timeout; a compute never touched counts as idle. */
    public boolean isIdle(String computeId, Duration timeout) {
        return !openSessions.containsKey(computeId) && isQuiet(computeId, timeout);
    }
}
