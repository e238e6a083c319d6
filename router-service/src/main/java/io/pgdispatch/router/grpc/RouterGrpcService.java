package io.pgdispatch.router.grpc;

import io.grpc.Status;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.PlatformLogin;
import io.pgdispatch.contract.router.v1.AccountCluster;
import io.pgdispatch.contract.router.v1.ConnectTargetRequest;
import io.pgdispatch.contract.router.v1.DedicatedListener;
import io.pgdispatch.contract.router.v1.DeleteAccountClustersRequest;
import io.pgdispatch.contract.router.v1.DeleteAccountClustersResponse;
import io.pgdispatch.contract.router.v1.ListAccountTargetsRequest;
import io.pgdispatch.contract.router.v1.ListAccountTargetsResponse;
import io.pgdispatch.contract.router.v1.ListDedicatedListenersRequest;
import io.pgdispatch.contract.router.v1.ListDedicatedListenersResponse;
import io.pgdispatch.contract.router.v1.LookupTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetResponse;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.router.branch.BranchService;
import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.cluster.ClusterDeletionFailedException;
import io.pgdispatch.router.cluster.ConnectableTarget;
import io.pgdispatch.router.cluster.Quoted;
import io.pgdispatch.router.compute.ComputeClient;
import io.pgdispatch.router.endpoint.Endpoint;
import io.pgdispatch.router.endpoint.EndpointListener;
import io.pgdispatch.router.store.ClusterStore;
import io.pgdispatch.router.store.EndpointStore;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.stream.Collectors;

/**
 * The proxy's view of router: where a connection's target is, and the compute that serves it; and for auth-service,
 * the targets a person may choose on a login link's page, and the removal of a deleted account's clusters.
 */
@GrpcService
public class RouterGrpcService implements RouterService {

    private final ClusterStore clusters;
    private final EndpointStore endpoints;
    private final ComputeClient compute;
    private final BranchService branches;

    RouterGrpcService(ClusterStore clusters, EndpointStore endpoints, ComputeClient compute,
            BranchService branches) {
        this.clusters = clusters;
        this.endpoints = endpoints;
        this.compute = compute;
        this.branches = branches;
    }

    /** A request names a cluster (with an optional branch) or an endpoint, which fixes its own branch. */
    @Override
    public Uni<LookupTargetResponse> lookupTarget(LookupTargetRequest request) {
        boolean byEndpoint = !request.getEndpointId().isEmpty();
        boolean byCluster = !request.getClusterId().isEmpty() || !request.getBranchName().isEmpty();
        if (byEndpoint && byCluster) {
            return invalid("the lookup names both endpoint " + Quoted.of(request.getEndpointId())
                + " and a cluster or branch: an endpoint fixes its own cluster and branch, so name one or the other");
        }
        if (byEndpoint) {
            return endpoints.lookup(request.getEndpointId())
                .map(LookupResponses::of)
                .onFailure().transform(GrpcStatuses::toStatus);
        }
        if (request.getClusterId().isEmpty()) {
            return invalid("the lookup names neither a cluster nor an endpoint");
        }
        return clusters.lookup(request.getClusterId(), request.getBranchName())
            .map(LookupResponses::of)
            .onFailure().transform(GrpcStatuses::toStatus);
    }

    /** Checks the branch again so that compute-manager is never asked to create storage for a made-up target. */
    @Override
    public Uni<ComputeAddress> connectTarget(ConnectTargetRequest request) {
        return clusters.findTarget(request.getAccountId(), request.getClusterId(), request.getBranchId())
            .call(found -> request.getPlatformLogin() == PlatformLogin.ANONYMOUS_LOGIN
                ? requireAnonymousAllowed(found, request.getEndpointId()) : Uni.createFrom().voidItem())
            .chain(found -> compute.ensure(found, request))
            .onFailure().transform(GrpcStatuses::toStatus);
    }

    /**
     * The proxy asks for an anonymous login only where the target allows it; this checks it again, with the
     * endpoint's own setting where the session came through an endpoint of the cluster.
     */
    private Uni<Void> requireAnonymousAllowed(ConnectableTarget found, String endpointId) {
        if (endpointId.isEmpty()) {
            return found.anonymous().mode() == AnonymousAccess.Mode.OFF
                ? Uni.createFrom().failure(anonymousRefused("cluster " + Quoted.of(found.target().clusterId())))
                : Uni.createFrom().voidItem();
        }
        return endpoints.lookup(endpointId)
            .onItem().transformToUni(through -> {
                if (!through.endpoint().target().clusterId().equals(found.target().clusterId())) {
                    return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription("endpoint "
                        + Quoted.of(endpointId) + " is not an endpoint of cluster "
                        + Quoted.of(found.target().clusterId())).asRuntimeException());
                }
                return through.anonymous().mode() == AnonymousAccess.Mode.OFF
                    ? Uni.createFrom().failure(anonymousRefused("endpoint " + Quoted.of(endpointId)))
                    : Uni.createFrom().voidItem();
            });
    }

    private static RuntimeException anonymousRefused(String target) {
        return Status.PERMISSION_DENIED.withDescription(target + " does not allow anonymous access")
            .asRuntimeException();
    }

    @Override
    public Uni<ListDedicatedListenersResponse> listDedicatedListeners(ListDedicatedListenersRequest request) {
        return endpoints.listeners()
            .map(listeners -> ListDedicatedListenersResponse.newBuilder()
                .addAllListeners(listeners.stream().map(RouterGrpcService::listenerOf).toList())
                .build());
    }

    /** A person's choices on a login link's page: one query for the clusters, one for each one's endpoints. */
    @Override
    public Uni<ListAccountTargetsResponse> listAccountTargets(ListAccountTargetsRequest request) {
        String account = request.getAccountId();
        return clusters.list(account)
            .onItem().transformToMulti(found -> Multi.createFrom().iterable(found))
            .onItem().transformToUniAndConcatenate(cluster -> endpoints.list(account, cluster.id())
                .map(its -> AccountCluster.newBuilder()
                    .setClusterId(cluster.id())
                    .setName(cluster.name())
                    .addAllBranchNames(cluster.branches().stream().map(Branch::name).toList())
                    .addAllEndpointIds(its.stream().map(Endpoint::id).toList())
                    .build()))
            .collect().asList()
            .map(all -> ListAccountTargetsResponse.newBuilder().addAllClusters(all).build());
    }

    /** One cluster after the other, oldest first, each as DELETE /v1/clusters/{id} deletes it. */
    @Override
    public Uni<DeleteAccountClustersResponse> deleteAccountClusters(DeleteAccountClustersRequest request) {
        String account = request.getAccountId();
        if (account.isBlank()) {
            return invalid("account_id is required");
        }
        return clusters.list(account)
            .onItem().transformToMulti(found -> Multi.createFrom().iterable(found))
            .onItem().transformToUniAndConcatenate(cluster -> branches.deleteCluster(account, cluster.id())
                .replaceWith(cluster.id()))
            .collect().with(Collectors.counting())
            .map(deleted -> DeleteAccountClustersResponse.newBuilder().setDeletedClusters(deleted.intValue())
                .build())
            .onFailure(ClusterDeletionFailedException.class)
            .transform(failure -> Status.UNAVAILABLE.withDescription(failure.getMessage()).asRuntimeException());
    }

    private static DedicatedListener listenerOf(EndpointListener listener) {
        return DedicatedListener.newBuilder()
            .setEndpointId(listener.endpointId())
            .setAddress(listener.address())
            .build();
    }

    private static <T> Uni<T> invalid(String message) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException());
    }
}
