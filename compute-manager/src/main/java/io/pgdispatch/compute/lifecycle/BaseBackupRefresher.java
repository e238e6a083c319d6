package io.pgdispatch.compute.lifecycle;

import io.pgdispatch.compute.driver.ComputeDriver;
import io.pgdispatch.compute.store.ComputeRecord;
import io.pgdispatch.compute.store.ComputeStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Has running primaries take a new base backup once their branch has written much WAL since the newest one, so that
 * a point in time or a branch restores a recent backup and replays little. Runs beside the compute's queue, not in
 * it, so that connections never wait for a backup; one that meets a suspend fails, is logged, and is taken on a later
 * round.
 */
@ApplicationScoped
public class BaseBackupRefresher {

    private static final Logger LOG = Logger.getLogger(BaseBackupRefresher.class);

    private final ComputeStore store;
    private final ComputeDriver driver;

    BaseBackupRefresher(ComputeStore store, ComputeDriver driver) {
        this.store = store;
        this.driver = driver;
    }

    @Scheduled(every = "${dispatch.compute.base-backup-check-interval}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        // A void scheduled method runs on a worker thread, where waiting is allowed.
        List<ComputeRecord> running = store.listRunning().await().indefinitely();
        for (ComputeRecord compute : running) {
            if (!compute.isPrimary()) {
                continue;
            }
            try {
                driver.refreshBaseBackup(compute.spec());
            } catch (RuntimeException e) {
                LOG.warnf("Compute %s: no new base backup this round: %s", compute.id(), e.getMessage());
            }
        }
    }
}
