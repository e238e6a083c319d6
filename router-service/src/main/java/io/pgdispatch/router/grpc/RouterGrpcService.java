package io.pgdispatch.router.grpc;

import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.router.v1.ConnectTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetResponse;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.compute.ComputeClient;
import io.pgdispatch.router.store.ClusterStore;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The proxy's view of router: where a connection's target is, and the compute that serves it. */
@GrpcService
public class RouterGrpcService implements RouterService {

    private final ClusterStore store;
    private final ComputeClient compute;

    RouterGrpcService(ClusterStore store, ComputeClient compute) {
        this.store = store;
        this.compute = compute;
    }

    @Override
    public Uni<LookupTargetResponse> lookupTarget(LookupTargetRequest request) {
        return store.lookup(request.getClusterId(), request.getBranchName())
            .map(RouterGrpcService::responseOf)
            .onFailure().transform(GrpcStatuses::toStatus);
    }

    /** Checks the branch again so that compute-manager is never asked to create storage for a made-up target. */
    @Override
    public Uni<ComputeAddress> connectTarget(ConnectTargetRequest request) {
        return store.findTarget(request.getAccountId(), request.getClusterId(), request.getBranchId())
            .chain(target -> compute.ensure(target, request.getKind()))
            .onFailure().transform(GrpcStatuses::toStatus);
    }

    private static LookupTargetResponse responseOf(Target target) {
        return LookupTargetResponse.newBuilder()
            .setAccountId(target.accountId())
            .setClusterId(target.clusterId())
            .setBranchId(target.branchId())
            .setBranchName(target.branchName())
            .build();
    }
}
