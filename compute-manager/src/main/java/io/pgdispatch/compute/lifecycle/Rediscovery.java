package io.pgdispatch.compute.lifecycle;

import io.pgdispatch.compute.store.ComputeRecord;
import io.pgdispatch.compute.store.ComputeStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Computes outlive compute-manager (a restart must not cut their sessions), so at startup the stored state of each
 * known compute is checked against the platform. Each check takes its turn in the compute's queue, so an early
 * EnsureCompute cannot race it.
 */
@ApplicationScoped
public class Rediscovery {

    private static final Logger LOG = Logger.getLogger(Rediscovery.class);

    private final ComputeStore store;
    private final ComputeLifecycle lifecycle;

    Rediscovery(ComputeStore store, ComputeLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    void onStart(@Observes StartupEvent event) {
        List<ComputeRecord> computes = store.listAll().await().indefinitely();
        for (ComputeRecord compute : computes) {
            lifecycle.rediscover(compute).await().indefinitely();
        }
        LOG.infof("Rediscovered %d computes", computes.size());
    }
}
