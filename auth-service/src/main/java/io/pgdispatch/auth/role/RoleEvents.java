package io.pgdispatch.auth.role;

import io.pgdispatch.contract.events.CatalogEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Announces that a role was created, got a new password or was removed, once the change is committed. Records are
 * keyed by account, whose clusters all share the role, so that the events of one account stay in order. A lost event
 * is logged and the change stands: proxies then keep the old verifier until their cache entry expires, and computes
 * take the new one at their next start.
 */
@ApplicationScoped
public class RoleEvents {

    private static final Logger LOG = Logger.getLogger(RoleEvents.class);

    private final Emitter<CatalogEvent> emitter;

    RoleEvents(@Channel("catalog-events") Emitter<CatalogEvent> emitter) {
        this.emitter = emitter;
    }

    public void changed(String accountId, String roleName) {
        CatalogEvent event = CatalogEvent.roleChanged(accountId, roleName);
        Message<CatalogEvent> message = Message.of(event)
            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(accountId).build())
            .withNack(failure -> {
                LOG.warnf("Role %s of account %s: event %s not published: %s", roleName, accountId, event.id(),
                    failure.getMessage());
                return CompletableFuture.completedFuture(null);
            });
        emitter.send(message);
    }
}
