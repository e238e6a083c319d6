package io.pgdispatch.compute.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the most recent events, so that a redelivered event is recognised and skipped.
 *
 * <p>Limitation: only the last {@value #CAPACITY} ids are kept; a copy that arrives later than that is applied again
 * (harmless for session events, which are themselves keyed by session id).
 */
final class SeenEvents {

    private static final int CAPACITY = 10_000;

    private final Map<UUID, Boolean> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Remembers the id; false when it was already seen. */
    synchronized boolean firstSight(UUID eventId) {
        return recent.put(eventId, Boolean.TRUE) == null;
    }
}
