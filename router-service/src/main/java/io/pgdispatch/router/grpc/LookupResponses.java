package io.pgdispatch.router.grpc;

import io.pgdispatch.contract.router.v1.LookupTargetResponse;
import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.ClusterTarget;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.endpoint.Endpoint;
import io.pgdispatch.router.endpoint.EndpointTarget;
import io.pgdispatch.router.cluster.PointInTime;

/**
 * Builds LookupTarget's answers. A cluster's target carries no access rules (everything allowed) and no point in
 * time; an endpoint's carries all of its settings. Both carry the cluster's switch for options routing and whether
 * its computes authenticate clients themselves.
 */
final class LookupResponses {

    private LookupResponses() {
    }

    static LookupTargetResponse of(ClusterTarget cluster) {
        return withTarget(cluster.target())
            .setOptionsRoutingAllowed(cluster.optionsRoutingAllowed())
            .setPassthroughAuthentication(cluster.passthrough())
            .setAnonymous(anonymousOf(cluster.anonymous(), false))
            .build();
    }

    static LookupTargetResponse of(EndpointTarget lookup) {
        Endpoint endpoint = lookup.endpoint();
        LookupTargetResponse.Builder response = withTarget(endpoint.target())
            .setEndpointId(endpoint.id())
            .setReadReplica(endpoint.readReplica())
            .setOptionsRoutingAllowed(lookup.optionsRoutingAllowed())
            .setPassthroughAuthentication(lookup.passthrough())
            .setAnonymous(anonymousOf(lookup.anonymous(), endpoint.anonymous().isPresent()));
        response.getAccessBuilder()
            .addAllAllowedAddresses(endpoint.access().allowedAddresses())
            .addAllAllowedVpcEndpoints(endpoint.access().allowedVpcEndpoints())
            .setVpcOnly(endpoint.access().vpcOnly());
        PointInTime pointInTime = endpoint.pointInTime();
        if (pointInTime.timestamp() != null) {
            // Instant prints RFC 3339 in UTC, with a fraction only when there is one.
            response.getPointInTimeBuilder().setTimestamp(pointInTime.timestamp().toString());
        } else if (pointInTime.lsn() != null) {
            response.getPointInTimeBuilder().setLsn(pointInTime.lsn().toString());
        }
        return response.build();
    }

    private static io.pgdispatch.contract.router.v1.AnonymousAccess anonymousOf(AnonymousAccess anonymous,
            boolean endpointOwn) {
        return io.pgdispatch.contract.router.v1.AnonymousAccess.newBuilder()
            .setMode(switch (anonymous.mode()) {
                case OFF -> io.pgdispatch.contract.router.v1.AnonymousAccess.Mode.OFF;
                case READ_ONLY -> io.pgdispatch.contract.router.v1.AnonymousAccess.Mode.READ_ONLY;
                case SANDBOX -> io.pgdispatch.contract.router.v1.AnonymousAccess.Mode.SANDBOX;
            })
            .setConnectionLimit(anonymous.connectionLimit())
            .setStatementTimeoutMs(anonymous.statementTimeoutMillis())
            .setEndpointOwn(endpointOwn)
            .build();
    }

    private static LookupTargetResponse.Builder withTarget(Target target) {
        return LookupTargetResponse.newBuilder()
            .setAccountId(target.accountId())
            .setClusterId(target.clusterId())
            .setBranchId(target.branchId())
            .setBranchName(target.branchName());
    }
}
