package io.pgdispatch.proxy.routing;

import io.pgdispatch.contract.target.PointInTime;
import io.pgdispatch.proxy.access.AccessPolicy;
import io.pgdispatch.proxy.access.ClientOrigin;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import java.util.Optional;

/**
 * A target the router knows: the branch of a cluster and the account that owns them, as it is now or at a point in
 * time, reached directly or through an endpoint with its access rules.
 *
 * @param pointInTime the endpoint's point in time, or the one the connection chose; empty for the branch as it is
 * @param readReplica the endpoint's replica, or the one the connection chose; {@link ReadReplica#NONE} for the
 *     primary
 * @param oneOff whether the connection chose a writable copy of the branch for itself alone
 * @param optionsRoutingAllowed whether the cluster lets connections choose it (or its branch) in options
 * @param passthrough whether the cluster's computes authenticate clients themselves, the proxy relaying
 * @param anonymous whether and how the target serves anonymous sessions: the endpoint's own setting, or else its
 *     cluster's
 */
public record Target(String accountId, String clusterId, String branchId, String branchName,
    Optional<PointInTime> pointInTime, ReadReplica readReplica, boolean oneOff, Optional<String> endpointId,
    AccessPolicy access, boolean optionsRoutingAllowed, boolean passthrough, AnonymousAccess anonymous) {

    /**
     * This target with the point in time, replica or one-off copy the connection chose in options, if it chose one;
     * options never choose them beside an endpoint, which fixes its own.
     */
    public Target as(RequestedTarget requested) {
        if (requested.pointInTime().isEmpty() && requested.readReplica() == ReadReplica.NONE && !requested.oneOff()) {
            return this;
        }
        return new Target(accountId, clusterId, branchId, branchName, requested.pointInTime(),
            requested.readReplica(), requested.oneOff(), endpointId, access, optionsRoutingAllowed, passthrough,
            anonymous);
    }

    /** Whose anonymous access applies, as messages name it: the endpoint with its own setting, or the cluster. */
    public String anonymousScope() {
        return anonymous.endpointOwn() && endpointId.isPresent() ? "endpoint \"" + endpointId.get() + "\""
            : "cluster \"" + clusterId + "\"";
    }

    /**
     * This target as an anonymous session reaches it: the shared read replica in read-only mode (a point in time
     * the connection chose stays, read-only by itself), a one-off writable copy in sandbox mode.
     */
    public Target forAnonymous() {
        return switch (anonymous.mode()) {
            case READ_ONLY -> pointInTime.isPresent() ? new Target(accountId, clusterId, branchId, branchName,
                pointInTime, ReadReplica.NONE, false, endpointId, access, optionsRoutingAllowed, passthrough,
                anonymous) : new Target(accountId, clusterId, branchId, branchName, pointInTime, ReadReplica.SHARED,
                false, endpointId, access, optionsRoutingAllowed, passthrough, anonymous);
            case SANDBOX -> new Target(accountId, clusterId, branchId, branchName, pointInTime, ReadReplica.NONE, true,
                endpointId, access, optionsRoutingAllowed, passthrough, anonymous);
            case OFF -> throw new IllegalStateException("anonymous access is off for " + this);
        };
    }

    /** Refuses the connection unless the target admits it, as it was named and from where it comes. */
    public void admit(RequestedTarget requested, ClientOrigin origin) {
        if (requested.clusterChosenInOptions() && !optionsRoutingAllowed) {
            throw new ProtocolException(SqlState.SQLSERVER_REJECTED_ESTABLISHMENT_OF_SQLCONNECTION, "cluster \""
                + clusterId + "\" does not accept connections that name it in options: connect through one of its"
                + " endpoints, host=<endpoint-id>.endpoint.<domain> or options=endpoint=<endpoint-id>");
        }
        access.check(origin, endpointId.map(id -> "endpoint \"" + id + "\"").orElse("cluster \"" + clusterId + "\""));
    }

    @Override
    public String toString() {
        String replica = switch (readReplica) {
            case NONE -> "";
            case SHARED -> "/replica";
            case ONE_OFF -> "/replica:new";
        };
        return endpointId.map(id -> id + "=").orElse("") + clusterId + "/" + branchName
            + pointInTime.map(point -> "@" + point.text()).orElse("") + replica + (oneOff ? "/one-off" : "");
    }
}
