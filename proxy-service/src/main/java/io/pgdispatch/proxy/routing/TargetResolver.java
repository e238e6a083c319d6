package io.pgdispatch.proxy.routing;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.router.v1.ConnectTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetRequest;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.proxy.ProxyConfig;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asks router-service what a connection's target is and where its compute runs, and turns the router's gRPC
 * statuses into the SQLSTATEs a client understands.
 */
@ApplicationScoped
public class TargetResolver {

    @GrpcClient("router")
    RouterService router;

    @Inject
    ProxyConfig config;

    /** The requested branch, or the cluster's default one; 3D000 when there is no such cluster or branch. */
    public Uni<Target> lookup(RequestedTarget requested) {
        LookupTargetRequest request = LookupTargetRequest.newBuilder()
            .setClusterId(requested.clusterId())
            .setBranchName(requested.branchName().orElse(""))
            .build();
        return router.lookupTarget(request)
            .map(found -> new Target(found.getAccountId(), found.getClusterId(), found.getBranchId(),
                found.getBranchName()))
            .onFailure(StatusRuntimeException.class).transform(TargetResolver::toClientError);
    }

    /** The address of the target's primary compute, started first when needed; 57P03 after the compute timeout. */
    public Uni<ComputeAddress> connect(Target target) {
        ConnectTargetRequest request = ConnectTargetRequest.newBuilder()
            .setAccountId(target.accountId())
            .setClusterId(target.clusterId())
            .setBranchId(target.branchId())
            .setKind(ComputeKind.PRIMARY)
            .build();
        return router.connectTarget(request)
            .ifNoItem().after(config.computeTimeout()).failWith(() -> new ProtocolException(
                SqlState.CANNOT_CONNECT_NOW, "the compute for " + target + " did not start within "
                    + config.computeTimeout().toSeconds() + " s: try again in a moment"))
            .onFailure(StatusRuntimeException.class).transform(TargetResolver::toClientError);
    }

    private static ProtocolException toClientError(Throwable failure) {
        Status status = ((StatusRuntimeException) failure).getStatus();
        String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return switch (status.getCode()) {
            case NOT_FOUND -> new ProtocolException(SqlState.INVALID_CATALOG_NAME, description);
            case UNIMPLEMENTED -> new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED, description);
            case DEADLINE_EXCEEDED -> new ProtocolException(SqlState.CANNOT_CONNECT_NOW,
                "the compute is still starting: try again in a moment (" + description + ")");
            default -> new ProtocolException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "could not reach the compute: " + description, failure);
        };
    }
}
