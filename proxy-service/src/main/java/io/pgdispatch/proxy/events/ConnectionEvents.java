package io.pgdispatch.proxy.events;

import io.pgdispatch.contract.events.ConnectionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes session opened and closed events for compute-manager, which counts sessions to decide when a compute is
 * idle. Publishing never holds up a session: when Kafka is unreachable and the buffer is full, the event is dropped
 * with a warning, and the compute may then be suspended early or late.
 */
@ApplicationScoped
public class ConnectionEvents {

    private static final Logger LOG = Logger.getLogger(ConnectionEvents.class);

    @Channel("connection-events")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<ConnectionEvent> emitter;

    public void publish(ConnectionEvent event) {
        try {
            emitter.send(event).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.warnf("[%s] connection event %s not published: %s", event.sessionId(), event.type(),
                        failure.getMessage());
                }
            });
        } catch (IllegalStateException e) {
            LOG.warnf("[%s] connection event %s dropped: %s", event.sessionId(), event.type(), e.getMessage());
        }
    }
}
