package io.pgdispatch.router.compute;

import io.grpc.Status;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.compute.v1.EnsureComputeRequest;
import io.pgdispatch.contract.compute.v1.MutinyComputeServiceGrpc.MutinyComputeServiceStub;
import io.pgdispatch.router.RouterConfig;
import io.pgdispatch.router.cluster.Target;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Asks compute-manager for the compute serving a target, waiting at most {@code dispatch.router.compute-timeout}. */
@ApplicationScoped
public class ComputeClient {

    private static final Logger LOG = Logger.getLogger(ComputeClient.class);

    @GrpcClient("compute")
    MutinyComputeServiceStub compute;

    private final RouterConfig config;

    ComputeClient(RouterConfig config) {
        this.config = config;
    }

    /** The compute's address; fails with {@link ComputeUnavailableException} carrying the reason. */
    public Uni<ComputeAddress> ensure(Target target, ComputeKind kind) {
        EnsureComputeRequest request = EnsureComputeRequest.newBuilder()
            .setAccountId(target.accountId())
            .setClusterId(target.clusterId())
            .setBranchId(target.branchId())
            .setKind(kind)
            .build();
        return compute.withDeadlineAfter(config.computeTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .ensureCompute(request)
            .onFailure().transform(failure -> toDomainFailure(target, failure));
    }

    /**
     * compute-manager's own UNAVAILABLE and DEADLINE_EXCEEDED answers already say what went wrong, so their
     * description is kept. A transport failure (the status carries a local cause) means compute-manager itself
     * could not be reached.
     */
    private static ComputeUnavailableException toDomainFailure(Target target, Throwable failure) {
        Status status = Status.fromThrowable(failure);
        LOG.warnf("no compute for cluster %s branch %s: %s %s",
            target.clusterId(), target.branchId(), status.getCode(), status.getDescription());
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return new ComputeUnavailableException(status.getDescription(), true);
        }
        if (status.getCode() == Status.Code.UNAVAILABLE && status.getCause() != null) {
            return new ComputeUnavailableException("compute-manager unreachable", false);
        }
        if (status.getCode() == Status.Code.UNAVAILABLE) {
            return new ComputeUnavailableException(status.getDescription(), false);
        }
        return new ComputeUnavailableException("compute-manager failed: " + status.getCode() + " "
            + status.getDescription(), false);
    }
}
