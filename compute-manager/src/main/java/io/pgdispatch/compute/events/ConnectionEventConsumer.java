package io.pgdispatch.compute.events;

import io.pgdispatch.compute.lifecycle.ActivityTracker;
import io.pgdispatch.compute.lifecycle.ComputeLifecycle;
import io.pgdispatch.compute.store.ComputeRecord;
import io.pgdispatch.compute.store.ComputeStore;
import io.pgdispatch.contract.events.ConnectionEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Counts the open sessions of each compute from the proxy's events, which keeps busy computes from suspending, and
 * releases a one-off compute when its session closes.
 */
@ApplicationScoped
public class ConnectionEventConsumer {

    private static final Logger LOG = Logger.getLogger(ConnectionEventConsumer.class);

    private final ActivityTracker activity;
    private final ComputeStore store;
    private final ComputeLifecycle lifecycle;
    private final SeenEvents seen = new SeenEvents();

    ConnectionEventConsumer(ActivityTracker activity, ComputeStore store, ComputeLifecycle lifecycle) {
        this.activity = activity;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    @Incoming("connection-events")
    public Uni<Void> consume(ConnectionEvent event) {
        if (!seen.firstSight(event.id())) {
            LOG.debugf("Compute %s: event %s seen before, skipped", event.computeId(), event.id());
            return Uni.createFrom().voidItem();
        }
        return switch (event.type()) {
            case OPENED -> {
                activity.opened(event.computeId(), event.sessionId());
                yield Uni.createFrom().voidItem();
            }
            case CLOSED -> {
                activity.closed(event.computeId(), event.sessionId());
                yield releaseOneOff(event.computeId());
            }
        };
    }

    private Uni<Void> releaseOneOff(String computeId) {
        return store.find(computeId)
            .chain(found -> found.filter(ComputeRecord::isOneOff).map(lifecycle::releaseIfUnused)
                .orElseGet(() -> Uni.createFrom().voidItem()))
            .onFailure().invoke(e -> LOG.errorf("Compute %s: release after its session failed: %s", computeId,
                e.getMessage()))
            .onFailure().recoverWithNull();
    }
}
