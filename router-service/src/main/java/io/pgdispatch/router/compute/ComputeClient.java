package io.pgdispatch.router.compute;

import io.grpc.Status;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.CreateBranchRequest;
import io.pgdispatch.contract.compute.v1.DeleteBranchRequest;
import io.pgdispatch.contract.compute.v1.EnsureComputeRequest;
import io.pgdispatch.contract.compute.v1.MutinyComputeServiceGrpc.MutinyComputeServiceStub;
import io.pgdispatch.contract.router.v1.ConnectTargetRequest;
import io.pgdispatch.router.RouterConfig;
import io.pgdispatch.router.cluster.ConnectableTarget;
import io.pgdispatch.router.cluster.PointInTime;
import io.pgdispatch.router.cluster.Target;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Asks compute-manager for the compute serving a target, waiting at most {@code dispatch.router.compute-timeout},
 * and for a new branch's storage, waiting at most {@code dispatch.router.branch-timeout}.
 */
@ApplicationScoped
public class ComputeClient {

    private static final Logger LOG = Logger.getLogger(ComputeClient.class);

    @GrpcClient("compute")
    MutinyComputeServiceStub compute;

    private final RouterConfig config;

    ComputeClient(RouterConfig config) {
        this.config = config;
    }

    /**
     * The address of the compute the proxy asked for, of the target's branch; fails with
     * {@link ComputeUnavailableException} carrying the reason, or with {@link PointInTimeOutOfRangeException} when
     * the branch's history does not hold the point in time.
     */
    public Uni<ComputeAddress> ensure(ConnectableTarget found, ConnectTargetRequest asked) {
        Target target = found.target();
        EnsureComputeRequest.Builder request = EnsureComputeRequest.newBuilder()
            .setAccountId(target.accountId())
            .setClusterId(target.clusterId())
            .setBranchId(target.branchId())
            .setKind(asked.getKind())
            .setOneOff(asked.getOneOff())
            .setSessionId(asked.getSessionId())
            .setPlatformLogin(asked.getPlatformLogin());
        if (asked.hasPointInTime()) {
            request.setPointInTime(asked.getPointInTime());
        }
        found.passthrough().ifPresent(auth -> request.getAuthenticationBuilder()
            .setMethod(auth.method())
            .setOptions(auth.options()));
        return compute.withDeadlineAfter(config.computeTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .ensureCompute(request.build())
            .onFailure().transform(failure -> toDomainFailure(target, failure));
    }

    /**
     * Has compute-manager copy the parent's data, as it is now or at the point in time, as the storage of branch
     * {@code branchId}; fails with {@link ComputeUnavailableException} carrying the reason, or with
     * {@link PointInTimeOutOfRangeException}.
     */
    public Uni<Void> createBranch(Target parent, String branchId, PointInTime point) {
        CreateBranchRequest.Builder request = CreateBranchRequest.newBuilder()
            .setAccountId(parent.accountId())
            .setClusterId(parent.clusterId())
            .setParentBranchId(parent.branchId())
            .setBranchId(branchId);
        if (point.timestamp() != null) {
            request.getPointInTimeBuilder().setTimestamp(point.timestamp().toString());
        } else if (point.lsn() != null) {
            request.getPointInTimeBuilder().setLsn(point.lsn().toString());
        }
        return compute.withDeadlineAfter(config.branchTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .createBranch(request.build())
            .onFailure().transform(failure -> toBranchFailure(parent, branchId, failure))
            .replaceWithVoid();
    }

    /** Stops the branch's computes and removes its storage; fails with ComputeUnavailableException. */
    public Uni<Void> deleteBranch(Target branch) {
        DeleteBranchRequest request = DeleteBranchRequest.newBuilder()
            .setAccountId(branch.accountId())
            .setClusterId(branch.clusterId())
            .setBranchId(branch.branchId())
            .build();
        return compute.withDeadlineAfter(config.branchTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .deleteBranch(request)
            .onFailure().transform(failure -> {
                Status status = Status.fromThrowable(failure);
                LOG.warnf("branch %s of cluster %s not deleted by compute-manager: %s %s", branch.branchId(),
                    branch.clusterId(), status.getCode(), status.getDescription());
                return ComputeFailures.of(status);
            })
            .replaceWithVoid();
    }

    private static RuntimeException toDomainFailure(Target target, Throwable failure) {
        Status status = Status.fromThrowable(failure);
        if (status.getCode() == Status.Code.OUT_OF_RANGE) {
            return new PointInTimeOutOfRangeException(status.getDescription());
        }
        LOG.warnf("no compute for cluster %s branch %s: %s %s",
            target.clusterId(), target.branchId(), status.getCode(), status.getDescription());
        return ComputeFailures.of(status);
    }

    private static RuntimeException toBranchFailure(Target parent, String branchId, Throwable failure) {
        Status status = Status.fromThrowable(failure);
        if (status.getCode() == Status.Code.OUT_OF_RANGE) {
            return new PointInTimeOutOfRangeException(status.getDescription());
        }
        LOG.warnf("no storage for branch %s of cluster %s from branch %s: %s %s",
            branchId, parent.clusterId(), parent.branchId(), status.getCode(), status.getDescription());
        return ComputeFailures.ofCreateBranch(status, branchId);
    }
}
