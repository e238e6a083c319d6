package io.pgdispatch.router.events;

import io.pgdispatch.contract.events.CatalogEvent;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.endpoint.Endpoint;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Tells proxies and compute-manager that an endpoint or a cluster's settings changed, once the change is committed.
 * Records are keyed by cluster id so that the events of one cluster stay in order. A lost event is logged, not
 * retried, and the change it announces stands: a management call does not fail for it.
 *
 * <p>Limitation: a proxy that misses an event keeps what it cached until that entry expires.
 */
@ApplicationScoped
public class CatalogEventPublisher {

    private static final Logger LOG = Logger.getLogger(CatalogEventPublisher.class);

    private final Emitter<CatalogEvent> emitter;

    CatalogEventPublisher(@Channel("catalog-events") Emitter<CatalogEvent> emitter) {
        this.emitter = emitter;
    }

    public void endpointChanged(Endpoint endpoint) {
        publish(CatalogEvent.endpointChanged(endpoint.target().accountId(), endpoint.target().clusterId(),
            endpoint.id()));
    }

    public void clusterChanged(Cluster cluster) {
        publish(CatalogEvent.clusterChanged(cluster.accountId(), cluster.id()));
    }

    /** A deleted branch changes what its cluster's names reach: proxies drop what they cached of the cluster. */
    public void branchDeleted(Target branch) {
        publish(CatalogEvent.clusterChanged(branch.accountId(), branch.clusterId()));
    }

    private void publish(CatalogEvent event) {
        Message<CatalogEvent> message = Message.of(event)
            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.clusterId()).build())
            .withNack(failure -> {
                LOG.warnf("%s %s: %s event %s not published: %s", event.type() == CatalogEvent.Type.CLUSTER_CHANGED
                    ? "cluster" : "endpoint", event.subjectId(), event.type(), event.id(), failure.getMessage());
                return CompletableFuture.completedFuture(null);
            });
        emitter.send(message);
    }
}
