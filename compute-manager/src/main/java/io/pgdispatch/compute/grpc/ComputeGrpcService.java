package io.pgdispatch.compute.grpc;

import io.grpc.Status;
import io.pgdispatch.compute.driver.PlatformRole;
import io.pgdispatch.compute.driver.PointInTimeOutOfRangeException;
import io.pgdispatch.compute.driver.StorageExistsException;
import io.pgdispatch.compute.lifecycle.BranchCopyException;
import io.pgdispatch.compute.lifecycle.ComputeLifecycle;
import io.pgdispatch.compute.lifecycle.ComputeUnavailableException;
import io.pgdispatch.compute.store.BranchSecretStore;
import io.pgdispatch.compute.store.ComputeRecord;
import io.pgdispatch.compute.store.ComputeStore;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.compute.v1.ComputeService;
import io.pgdispatch.contract.compute.v1.CreateBranchRequest;
import io.pgdispatch.contract.compute.v1.CreateBranchResponse;
import io.pgdispatch.contract.compute.v1.DeleteBranchRequest;
import io.pgdispatch.contract.compute.v1.DeleteBranchResponse;
import io.pgdispatch.contract.compute.v1.EnsureComputeRequest;
import io.pgdispatch.contract.target.PointInTime;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * compute.proto's ComputeService: router-service asks here for the address of a branch's compute, and for the
 * storage of a new branch.
 */
@GrpcService
public class ComputeGrpcService implements ComputeService {

    private final ComputeStore store;
    private final ComputeLifecycle lifecycle;
    private final BranchSecretStore secrets;

    ComputeGrpcService(ComputeStore store, ComputeLifecycle lifecycle, BranchSecretStore secrets) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.secrets = secrets;
    }

    /**
     * COMPUTE_KIND_UNSPECIFIED, proto3's default, means the primary; with a point in time, the branch's shared
     * compute at that point; with one_off, a writable copy of the branch for the session, at the point or at the
     * head. READ_REPLICA is the branch's shared replica, or with one_off the session's own.
     */
    @Override
    public Uni<ComputeAddress> ensureCompute(EnsureComputeRequest request) {
        Optional<String> problem = RequestProblems.of(request);
        if (problem.isPresent()) {
            return invalid(problem.get());
        }
        return requireNotDeleted(request.getClusterId(), request.getBranchId())
            .chain(() -> computeFor(request))
            .chain(found -> lifecycle.ensure(found, Optional.of(RequestProblems.authentication(request)))
                .map(endpoint -> ComputeAddress.newBuilder().setComputeId(found.id()).setHost(endpoint.host())
                    .setPort(endpoint.port())))
            .chain(address -> PlatformRole.of(request.getPlatformLogin())
                .map(role -> secrets.passwordOf(request.getClusterId(), request.getBranchId(), role)
                    .map(password -> address.setPlatformPassword(password).build()))
                .orElseGet(() -> Uni.createFrom().item(address.build())))
            .onFailure(ComputeUnavailableException.class)
            .transform(e -> Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException())
            .onFailure(PointInTimeOutOfRangeException.class)
            .transform(e -> Status.OUT_OF_RANGE.withDescription(e.getMessage()).asRuntimeException());
    }

    /**
     * The branch's primary compute is recorded before its storage is copied, because the copy takes its turn among
     * that compute's steps; a later EnsureCompute for the branch starts it from the copy.
     */
    @Override
    public Uni<CreateBranchResponse> createBranch(CreateBranchRequest request) {
        Optional<String> problem = RequestProblems.of(request);
        if (problem.isPresent()) {
            return invalid(problem.get());
        }
        String account = request.getAccountId();
        String cluster = request.getClusterId();
        Optional<PointInTime> point = request.hasPointInTime()
            ? Optional.of(RequestProblems.pointInTime(request.getPointInTime())) : Optional.empty();
        return requireNotDeleted(cluster, request.getParentBranchId())
            .chain(() -> requireNotDeleted(cluster, request.getBranchId()))
            .chain(() -> store.findOrCreatePrimary(account, cluster, request.getParentBranchId()))
            .chain(parent -> store.findOrCreatePrimary(account, cluster, request.getBranchId())
                .chain(branch -> lifecycle.createBranch(parent, branch, point)))
            .replaceWith(CreateBranchResponse.getDefaultInstance())
            .onFailure(PointInTimeOutOfRangeException.class)
            .transform(e -> Status.OUT_OF_RANGE.withDescription(e.getMessage()).asRuntimeException())
            .onFailure(StorageExistsException.class)
            .transform(e -> Status.ALREADY_EXISTS.withDescription(e.getMessage()).asRuntimeException())
            .onFailure(e -> e instanceof ComputeUnavailableException || e instanceof BranchCopyException)
            .transform(e -> Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
    }

    @Override
    public Uni<DeleteBranchResponse> deleteBranch(DeleteBranchRequest request) {
        Optional<String> problem = RequestProblems.of(request);
        if (problem.isPresent()) {
            return invalid(problem.get());
        }
        return lifecycle.deleteBranch(request.getClusterId(), request.getBranchId())
            .replaceWith(DeleteBranchResponse.getDefaultInstance())
            .onFailure().transform(e -> Status.UNAVAILABLE.withDescription("branch " + request.getBranchId()
                + " is deleted but its storage could not be removed yet (" + e.getMessage() + "): delete it again")
                .asRuntimeException());
    }

    /** A deleted branch never gets a compute again: one made now would be an empty database under its name. */
    private Uni<Void> requireNotDeleted(String clusterId, String branchId) {
        return store.isBranchDeleted(clusterId, branchId)
            .chain(deleted -> deleted ? Uni.createFrom().failure(Status.FAILED_PRECONDITION
                .withDescription("branch " + branchId + " of cluster " + clusterId + " was deleted")
                .asRuntimeException()) : Uni.createFrom().voidItem());
    }

    private Uni<ComputeRecord> computeFor(EnsureComputeRequest request) {
        String account = request.getAccountId();
        String cluster = request.getClusterId();
        String branch = request.getBranchId();
        if (request.getKind() == ComputeKind.READ_REPLICA) {
            return request.getOneOff()
                ? store.findOrCreateOneOffReplica(account, cluster, branch, request.getSessionId())
                : store.findOrCreateReplica(account, cluster, branch);
        }
        Optional<PointInTime> point = request.hasPointInTime()
            ? Optional.of(RequestProblems.pointInTime(request.getPointInTime())) : Optional.empty();
        if (request.getOneOff()) {
            return store.findOrCreateOneOffBranch(account, cluster, branch, point, request.getSessionId());
        }
        return point.isPresent() ? store.findOrCreateAt(account, cluster, branch, point.get())
            : store.findOrCreatePrimary(account, cluster, branch);
    }

    private static <T> Uni<T> invalid(String problem) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(problem).asRuntimeException());
    }
}
