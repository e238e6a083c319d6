package io.pgdispatch.compute.events;

import io.pgdispatch.compute.lifecycle.ComputeLifecycle;
import io.pgdispatch.compute.store.ComputeStore;
import io.pgdispatch.contract.events.CatalogEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows role changes: when a role of an account is created, gets a new password or is removed, every running
 * writable compute of that account takes the account's roles again. Applying the roles is idempotent, so a repeated
 * event does no harm. Endpoint and cluster changes concern only routing and are skipped.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogEventConsumer.class);

    private final ComputeStore store;
    private final ComputeLifecycle lifecycle;

    CatalogEventConsumer(ComputeStore store, ComputeLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    @Incoming("catalog-events")
    public Uni<Void> consume(CatalogEvent event) {
        if (event.type() != CatalogEvent.Type.ROLE_CHANGED) {
            return Uni.createFrom().voidItem();
        }
        return store.listRunning()
            .onItem().transformToMulti(computes -> Multi.createFrom().iterable(computes))
            .filter(compute -> compute.accountId().equals(event.accountId()))
            .onItem().transformToUniAndMerge(compute -> lifecycle.refreshRoles(compute)
                .onFailure().invoke(e -> LOG.errorf("Compute %s: roles not applied after a change of role %s: %s",
                    compute.id(), event.subjectId(), e.getMessage()))
                .onFailure().recoverWithNull())
            .collect().last()
            .replaceWithVoid();
    }
}
