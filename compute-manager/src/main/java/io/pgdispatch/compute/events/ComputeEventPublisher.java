package io.pgdispatch.compute.events;

import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.store.ComputeRecord;
import io.pgdispatch.contract.events.ComputeEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Tells the proxy and router-service what happened to a compute. Records are keyed by compute id so that the events
 * of one compute stay in order. A lost event is logged, not retried: caches that miss it ask again on the next use.
 */
@ApplicationScoped
public class ComputeEventPublisher {

    private static final Logger LOG = Logger.getLogger(ComputeEventPublisher.class);

    private final Emitter<ComputeEvent> emitter;

    ComputeEventPublisher(@Channel("compute-events") Emitter<ComputeEvent> emitter) {
        this.emitter = emitter;
    }

    public void started(ComputeRecord compute, ComputeEndpoint endpoint) {
        publish(of(ComputeEvent.Type.STARTED, compute, endpoint.host(), endpoint.port(), ""));
    }

    public void suspended(ComputeRecord compute) {
        publish(of(ComputeEvent.Type.SUSPENDED, compute, "", 0, ""));
    }

    public void removed(ComputeRecord compute) {
        publish(of(ComputeEvent.Type.REMOVED, compute, "", 0, ""));
    }

    public void failed(ComputeRecord compute, String reason) {
        publish(of(ComputeEvent.Type.FAILED, compute, "", 0, reason));
    }

    private static ComputeEvent of(ComputeEvent.Type type, ComputeRecord compute, String host, int port,
            String message) {
        return ComputeEvent.of(type, compute.id(), compute.accountId(), compute.clusterId(), compute.branchId(),
            host, port, message);
    }

    private void publish(ComputeEvent event) {
        Message<ComputeEvent> message = Message.of(event)
            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.computeId()).build())
            .withNack(failure -> {
                LOG.warnf("Compute %s: %s event %s not published: %s", event.computeId(), event.type(), event.id(),
                    failure.getMessage());
                return CompletableFuture.completedFuture(null);
            });
        emitter.send(message);
    }
}
