package io.pgdispatch.compute.events;

import io.pgdispatch.compute.lifecycle.ActivityTracker;
import io.pgdispatch.contract.events.ConnectionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Counts the open sessions of each compute from the proxy's events, which keeps busy computes from suspending. */
@ApplicationScoped
public class ConnectionEventConsumer {

    private static final Logger LOG = Logger.getLogger(ConnectionEventConsumer.class);

    private final ActivityTracker activity;
    private final SeenEvents seen = new SeenEvents();

    ConnectionEventConsumer(ActivityTracker activity) {
        this.activity = activity;
    }

    @Incoming("connection-events")
    public void consume(ConnectionEvent event) {
        if (!seen.firstSight(event.id())) {
            LOG.debugf("Compute %s: event %s seen before, skipped", event.computeId(), event.id());
            return;
        }
        switch (event.type()) {
            case OPENED -> activity.opened(event.computeId(), event.sessionId());
            case CLOSED -> activity.closed(event.computeId(), event.sessionId());
        }
    }
}
