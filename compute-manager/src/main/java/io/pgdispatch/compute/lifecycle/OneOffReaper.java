package io.pgdispatch.compute.lifecycle;

import io.pgdispatch.compute.config.ComputeConfig;
import io.pgdispatch.compute.store.ComputeStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Removes one-off computes whose session has ended without a closed event reaching compute-manager: a proxy that
 * crashed, or a compute-manager restarted in between (it then knows no sessions, so each one-off compute waits the
 * grace period from its rediscovery, and is kept while the compute itself still sees a client). An opened event read
 * again after such a crash, with its closed event read before it, is not trusted over the compute's own count.
 */
@ApplicationScoped
public class OneOffReaper {

    private static final Logger LOG = Logger.getLogger(OneOffReaper.class);

    private final ComputeStore store;
    private final ComputeLifecycle lifecycle;
    private final ActivityTracker activity;
    private final ComputeConfig config;

    OneOffReaper(ComputeStore store, ComputeLifecycle lifecycle, ActivityTracker activity, ComputeConfig config) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.activity = activity;
        this.config = config;
    }

    @Scheduled(every = "${dispatch.compute.one-off-check-interval}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> removeAbandoned() {
        return store.listOneOff()
            .onItem().transformToMulti(computes -> Multi.createFrom().iterable(computes))
            .filter(compute -> activity.isQuiet(compute.id(), config.oneOffGrace()))
            .onItem().transformToUniAndMerge(compute -> lifecycle.releaseIfUnused(compute)
                .onFailure().invoke(e -> LOG.errorf("Compute %s: removal failed: %s", compute.id(), e.getMessage()))
                .onFailure().recoverWithNull())
            .collect().last()
            .replaceWithVoid();
    }
}
