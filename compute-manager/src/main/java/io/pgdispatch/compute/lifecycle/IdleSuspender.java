package io.pgdispatch.compute.lifecycle;

import io.pgdispatch.compute.config.ComputeConfig;
import io.pgdispatch.compute.store.ComputeStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Suspends running computes that had no session and no EnsureCompute call for the idle timeout. */
@ApplicationScoped
public class IdleSuspender {

    private static final Logger LOG = Logger.getLogger(IdleSuspender.class);

    private final ComputeStore store;
    private final ComputeLifecycle lifecycle;
    private final ActivityTracker activity;
    private final ComputeConfig config;

    IdleSuspender(ComputeStore store, ComputeLifecycle lifecycle, ActivityTracker activity, ComputeConfig config) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.activity = activity;
        this.config = config;
    }

    @Scheduled(every = "${dispatch.compute.idle-check-interval}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> suspendIdleComputes() {
        return store.listRunning()
            .onItem().transformToMulti(computes -> Multi.createFrom().iterable(computes))
            .filter(compute -> activity.isIdle(compute.id(), config.idleTimeout()))
            .onItem().transformToUniAndMerge(compute -> lifecycle.suspendIfIdle(compute)
                .onFailure().invoke(e -> LOG.errorf("Compute %s: suspend failed: %s", compute.id(), e.getMessage()))
                .onFailure().recoverWithNull())
            .collect().last()
            .replaceWithVoid();
    }
}
