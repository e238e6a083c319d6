package io.pgdispatch.compute.lifecycle;

import io.pgdispatch.compute.config.ComputeConfig;
import io.pgdispatch.compute.driver.ComputeDriver;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.HostAuthentication;
import io.pgdispatch.compute.driver.PlatformRole;
import io.pgdispatch.compute.driver.PointInTimeOutOfRangeException;
import io.pgdispatch.compute.events.ComputeEventPublisher;
import io.pgdispatch.compute.roles.RoleSource;
import io.pgdispatch.compute.store.BranchSecretStore;
import io.pgdispatch.compute.store.ComputeRecord;
import io.pgdispatch.compute.store.ComputeState;
import io.pgdispatch.compute.store.ComputeStore;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.pgdispatch.contract.target.PointInTime;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Starts, suspends and rediscovers computes, and copies branches. Every step for one compute goes through a
 * {@link PerComputeQueue}, so steps of the same compute never overlap, and runs on a worker thread because the
 * driver blocks. Concurrent {@link #ensure} calls for the same compute share one step, hence one start.
 *
 * <pre>
 * STOPPED --ensure--> STARTING --started--> RUNNING --idle--> SUSPENDING --stopped--> STOPPED
 *                        \--failed--> STOPPED (FAILED event)
 * one-off:                                  RUNNING --session ended--> removed (REMOVED event)
 * </pre>
 */
@ApplicationScoped
public class ComputeLifecycle {

    private static final Logger LOG = Logger.getLogger(ComputeLifecycle.class);

    private final ComputeDriver driver;
    private final ComputeStore store;
    private final RoleSource roles;
    private final ComputeEventPublisher events;
    private final ActivityTracker activity;
    private final ComputeConfig config;
    private final BranchSecretStore secrets;
    private final PerComputeQueue queue = new PerComputeQueue(Infrastructure.getDefaultWorkerPool());
    private final ConcurrentMap<String, CompletableFuture<ComputeEndpoint>> ensuring = new ConcurrentHashMap<>();

    ComputeLifecycle(ComputeDriver driver, ComputeStore store, RoleSource roles, ComputeEventPublisher events,
            ActivityTracker activity, ComputeConfig config, BranchSecretStore secrets) {
        this.driver = driver;
        this.store = store;
        this.roles = roles;
        this.events = events;
        this.activity = activity;
        this.config = config;
        this.secrets = secrets;
    }

    /** The address of the running compute, started first when needed, authenticating as it did before. */
    public Uni<ComputeEndpoint> ensure(ComputeRecord compute) {
        return ensure(compute, Optional.empty());
    }

    /**
     * The address of the running compute, started first when needed, authenticating the proxy's connections by
     * {@code authentication} when given. Fails with ComputeUnavailableException.
     */
    public Uni<ComputeEndpoint> ensure(ComputeRecord compute, Optional<HostAuthentication> authentication) {
        activity.touch(compute.id());
        // Each caller gets a copy: a caller that goes away cancels its copy, never the start the others wait for.
        return Uni.createFrom().completionStage(() -> {
            CompletableFuture<ComputeEndpoint> step = ensuring.computeIfAbsent(compute.id(),
                id -> queue.submit(id, () -> runOrStart(compute, authentication)));
            step.whenComplete((endpoint, failure) -> ensuring.remove(compute.id(), step));
            return step.copy();
        });
    }

    /**
     * Creates the branch's storage as a copy of its parent's head or of the parent at a point in time, starting the
     * parent when needed. The copy counts as a session of the parent, so the parent is not suspended while it is
     * read, and it takes its turn in the branch's queue, so it never overlaps a start of the branch. Fails with
     * StorageExistsException, PointInTimeOutOfRangeException, ComputeUnavailableException (the parent) or
     * BranchCopyException.
     */
    public Uni<Void> createBranch(ComputeRecord parent, ComputeRecord branch, Optional<PointInTime> point) {
        String session = "branch-copy:" + branch.id();
        return Uni.createFrom().deferred(() -> {
            activity.opened(parent.id(), session);
            return ensure(parent)
                .chain(() -> Uni.createFrom().completionStage(() -> queue.submit(branch.id(), () -> {
                    copy(parent, branch, point);
                    return null;
                })))
                .eventually(() -> activity.closed(parent.id(), session))
                .replaceWithVoid();
        });
    }

    /**
     * Removes a branch: it is marked deleted first, so that no request makes a compute for it again; then each of
     * its computes is stopped and forgotten in its own turn (sessions still open on them end), and last the branch's
     * storage and secrets are removed. Calling it again finishes a removal that failed halfway.
     */
    public Uni<Void> deleteBranch(String clusterId, String branchId) {
        return store.markBranchDeleted(clusterId, branchId)
            .chain(() -> store.listOfBranch(clusterId, branchId))
            .onItem().transformToMulti(computes -> Multi.createFrom().iterable(computes))
            .onItem().transformToUniAndConcatenate(compute -> Uni.createFrom().completionStage(
                () -> queue.submit(compute.id(), () -> {
                    forgetStopped(compute);
                    return null;
                })))
            .collect().last()
            .chain(() -> Uni.createFrom().item(() -> {
                driver.deleteBranch(clusterId, branchId);
                return null;
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
            .chain(() -> secrets.deleteOfBranch(clusterId, branchId))
            .invoke(() -> LOG.infof("Branch %s of cluster %s: deleted", branchId, clusterId));
    }

    /** Stops the compute unless a session or an EnsureCompute call came while this step waited its turn. */
    public Uni<Void> suspendIfIdle(ComputeRecord compute) {
        return Uni.createFrom().completionStage(() -> queue.submit(compute.id(), () -> {
            suspendIdle(compute);
            return null;
        }));
    }

    /**
     * Removes a one-off compute with its storage and its record, unless a session of it is still open: the one it
     * was made for, if its closed event came before its opened one, or any the platform still sees after a restart.
     */
    public Uni<Void> releaseIfUnused(ComputeRecord compute) {
        return Uni.createFrom().completionStage(() -> queue.submit(compute.id(), () -> {
            releaseUnused(compute);
            return null;
        }));
    }

    /**
     * Gives a running writable compute the account's roles as they are now, after one was created, changed or
     * removed. A compute that stopped in the meantime is left alone: it takes the roles at its next start. Replicas
     * and points in time follow their branch's WAL.
     */
    public Uni<Void> refreshRoles(ComputeRecord compute) {
        if (!compute.spec().kind().isWritable()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> queue.submit(compute.id(), () -> {
            if (driver.running(compute.spec()).isPresent()) {
                driver.applyRoles(compute.spec(), await(roles.rolesOf(compute.accountId())));
                LOG.infof("Compute %s: roles of account %s applied again", compute.id(), compute.accountId());
            }
            return null;
        }));
    }

    /** Makes the stored state match the platform: RUNNING with its port when it runs, STOPPED otherwise. */
    public Uni<Void> rediscover(ComputeRecord compute) {
        return Uni.createFrom().completionStage(() -> queue.submit(compute.id(), () -> {
            reconcile(compute);
            return null;
        }));
    }

    private ComputeEndpoint runOrStart(ComputeRecord compute, Optional<HostAuthentication> authentication) {
        Optional<ComputeEndpoint> live = driver.running(compute.spec());
        if (live.isPresent()) {
            authentication.ifPresent(method -> driver.authenticateWith(compute.spec(), method));
            await(store.markRunning(compute.id(), live.get(), compute.dataDir()));
            return live.get();
        }
        return start(compute, authentication);
    }

    private ComputeEndpoint start(ComputeRecord compute, Optional<HostAuthentication> authentication) {
        ComputeSpec spec = compute.spec();
        await(store.markState(compute.id(), ComputeState.STARTING));
        try {
            String dataDir = !compute.isPrimary() && !driver.hasStorage(spec) && driver.needsRunningPrimary(spec)
                ? whilePrimaryRuns(compute, () -> driver.ensureStorage(spec)) : driver.ensureStorage(spec);
            authentication.ifPresent(method -> driver.authenticateWith(spec, method));
            ComputeEndpoint endpoint = driver.start(spec);
            // Replicas and points in time are in recovery, where nothing can be written: they take their roles from
            // the branch's WAL.
            if (spec.kind().isWritable()) {
                driver.applyRoles(spec, await(roles.rolesOf(compute.accountId())));
                driver.applyPlatformRoles(spec, platformVerifiers(compute));
            }
            await(store.markRunning(compute.id(), endpoint, dataDir));
            activity.touch(compute.id());
            events.started(compute, endpoint);
            LOG.infof("Compute %s: started for cluster %s branch %s%s on %s:%d", compute.id(), compute.clusterId(),
                compute.branchId(), compute.pointInTime().map(point -> " at " + point.text()).orElse(""),
                endpoint.host(), endpoint.port());
            return endpoint;
        } catch (PointInTimeOutOfRangeException e) {
            await(store.markStopped(compute.id()));
            throw e;
        } catch (RuntimeException e) {
            abandon(compute, e);
            throw new ComputeUnavailableException(compute.id(), e);
        }
    }

    /**
     * Runs a step that needs the branch's primary, such as making a point in time from the branch's newest WAL:
     * the primary is started first and counts as in use until the step ends, so it is not suspended meanwhile.
     */
    private <T> T whilePrimaryRuns(ComputeRecord compute, Supplier<T> step) {
        ComputeRecord primary = await(store.findOrCreatePrimary(compute.accountId(), compute.clusterId(),
            compute.branchId()));
        String session = "made-from-primary:" + compute.id();
        activity.opened(primary.id(), session);
        try {
            await(ensure(primary));
            return step.get();
        } finally {
            activity.closed(primary.id(), session);
        }
    }

    /** Leaves nothing half-started behind: the compute may run without its roles, so it is stopped again. */
    private void abandon(ComputeRecord compute, RuntimeException cause) {
        LOG.errorf("Compute %s: start failed: %s", compute.id(), cause.getMessage());
        try {
            driver.stop(compute.spec());
        } catch (RuntimeException stopFailure) {
            cause.addSuppressed(stopFailure);
        }
        await(store.markStopped(compute.id()));
        events.failed(compute, cause.getMessage());
    }

    private void copy(ComputeRecord parent, ComputeRecord branch, Optional<PointInTime> point) {
        try {
            driver.createBranchStorage(parent.spec(), branch.spec(), point);
        } catch (ComputeDriverException e) {
            LOG.errorf("Compute %s: copy from compute %s failed: %s", branch.id(), parent.id(), e.getMessage());
            throw new BranchCopyException(branch.branchId(), parent.branchId(), e);
        }
        LOG.infof("Compute %s: branch %s of cluster %s copied from branch %s%s", branch.id(), branch.branchId(),
            branch.clusterId(), parent.branchId(), point.map(at -> " at " + at.text()).orElse(""));
    }

    private Map<PlatformRole, String> platformVerifiers(ComputeRecord compute) {
        Map<PlatformRole, String> verifiers = new EnumMap<>(PlatformRole.class);
        for (PlatformRole role : PlatformRole.values()) {
            verifiers.put(role, ScramVerifier.of(await(secrets.passwordOf(compute.clusterId(), compute.branchId(),
                role))));
        }
        return verifiers;
    }

    /**
     * The compute's own count of client sessions is asked last: the proxy's events can come late (after a restart,
     * compute-manager's consumer gets its partitions back only when the group has rebalanced) or never (a proxy
     * that crashed), and a session the compute still serves must not be cut.
     */
    private void suspendIdle(ComputeRecord compute) {
        if (!activity.isIdle(compute.id(), config.idleTimeout())) {
            return;
        }
        if (driver.clientSessions(compute.spec()).orElse(0) > 0) {
            activity.touch(compute.id());
            LOG.infof("Compute %s: idle by the proxy's events but still serving sessions; kept running", compute.id());
            return;
        }
        await(store.markState(compute.id(), ComputeState.SUSPENDING));
        try {
            driver.stop(compute.spec());
        } catch (RuntimeException e) {
            LOG.errorf("Compute %s: suspend failed: %s", compute.id(), e.getMessage());
            reconcile(compute);
            return;
        }
        await(store.markStopped(compute.id()));
        events.suspended(compute);
        LOG.infof("Compute %s: suspended after %s without sessions", compute.id(), config.idleTimeout());
    }

    private void releaseUnused(ComputeRecord compute) {
        if (!unused(compute)) {
            return;
        }
        remove(compute);
        LOG.infof("Compute %s: one-off %s of cluster %s branch %s removed", compute.id(), compute.kind(),
            compute.clusterId(), compute.branchId());
    }

    private void forgetStopped(ComputeRecord compute) {
        remove(compute);
        LOG.infof("Compute %s: %s of deleted branch %s stopped and forgotten", compute.id(), compute.kind(),
            compute.branchId());
    }

    /** Stops the compute, removes a storage of its own with it, and forgets it; a REMOVED event says so. */
    private void remove(ComputeRecord compute) {
        driver.stop(compute.spec());
        await(store.delete(compute.id()));
        activity.forget(compute.id());
        events.removed(compute);
    }

    /**
     * Whether a one-off compute serves its session no more. Where the driver can ask the compute for its client
     * sessions, that count decides: the proxy's events come late (after a restart, compute-manager's consumer gets
     * its partitions back only when the group has rebalanced), never (a proxy that crashed), or out of step (an
     * opened event read again after a crash, whose closed event was read before it). A one-off compute serves the
     * proxy's one session and nothing of compute-manager's own, so no client there means no session. A compute
     * still serving counts as active again, so it is asked once per grace period, not at every check. Where the
     * compute cannot tell, the events decide.
     */
    private boolean unused(ComputeRecord compute) {
        OptionalInt clients = driver.clientSessions(compute.spec());
        if (clients.isEmpty()) {
            return !activity.hasOpenSessions(compute.id());
        }
        if (clients.getAsInt() > 0) {
            activity.touch(compute.id());
            return false;
        }
        if (activity.hasOpenSessions(compute.id())) {
            LOG.infof("Compute %s: no client left of the sessions its events still count; they are dropped",
                compute.id());
            activity.dropSessions(compute.id());
        }
        return true;
    }

    private void reconcile(ComputeRecord compute) {
        Optional<ComputeEndpoint> live = driver.running(compute.spec());
        if (live.isPresent()) {
            await(store.markRunning(compute.id(), live.get(), compute.dataDir()));
            activity.touch(compute.id());
            LOG.infof("Compute %s: found running on %s:%d", compute.id(), live.get().host(), live.get().port());
        } else if (compute.state() != ComputeState.STOPPED) {
            await(store.markStopped(compute.id()));
            LOG.infof("Compute %s: found stopped", compute.id());
        }
    }

    /** Steps run on worker threads, where waiting for the reactive store is allowed. */
    private static <T> T await(Uni<T> uni) {
        return uni.await().indefinitely();
    }
}
