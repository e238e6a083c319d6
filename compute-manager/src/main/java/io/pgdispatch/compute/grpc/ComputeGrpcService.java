package io.pgdispatch.compute.grpc;

import io.grpc.Status;
import io.pgdispatch.compute.lifecycle.ComputeLifecycle;
import io.pgdispatch.compute.lifecycle.ComputeUnavailableException;
import io.pgdispatch.compute.store.ComputeStore;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.compute.v1.ComputeService;
import io.pgdispatch.contract.compute.v1.EnsureComputeRequest;
import io.pgdispatch.contract.target.ResourceName;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** compute.proto's ComputeService: router-service asks here for the address of a branch's compute. */
@GrpcService
public class ComputeGrpcService implements ComputeService {

    private final ComputeStore store;
    private final ComputeLifecycle lifecycle;

    ComputeGrpcService(ComputeStore store, ComputeLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /** COMPUTE_KIND_UNSPECIFIED, proto3's default, means the primary. */
    @Override
    public Uni<ComputeAddress> ensureCompute(EnsureComputeRequest request) {
        if (request.getKind() == ComputeKind.READ_REPLICA) {
            return Uni.createFrom().failure(Status.UNIMPLEMENTED
                .withDescription("read replicas are not available yet: connect to the primary").asRuntimeException());
        }
        Optional<String> problem = problemOf(request);
        if (problem.isPresent()) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(problem.get())
                .asRuntimeException());
        }
        return store.findOrCreatePrimary(request.getAccountId(), request.getClusterId(), request.getBranchId())
            .chain(compute -> lifecycle.ensure(compute)
                .map(endpoint -> ComputeAddress.newBuilder().setComputeId(compute.id()).setHost(endpoint.host())
                    .setPort(endpoint.port()).build()))
            .onFailure(ComputeUnavailableException.class)
            .transform(e -> Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
    }

    /** Cluster and branch ids name folders of the local driver, so only valid resource names pass. */
    private static Optional<String> problemOf(EnsureComputeRequest request) {
        if (request.getAccountId().isBlank()) {
            return Optional.of("account_id is required");
        }
        return ResourceName.problem(request.getClusterId()).map(problem -> "cluster_id: " + problem)
            .or(() -> ResourceName.problem(request.getBranchId()).map(problem -> "branch_id: " + problem));
    }
}
