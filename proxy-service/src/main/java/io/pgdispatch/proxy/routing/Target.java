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
 * @param optionsRoutingAllowed whether the cluster lets connections choose it (or its branch) in options
 */
public record Target(String accountId, String clusterId, String branchId, String branchName,
    Optional<PointInTime> pointInTime, Optional<String> endpointId, AccessPolicy access,
    boolean optionsRoutingAllowed) {

    /** This target at the point in time the connection chose, if it chose one (never beside an endpoint). */
    public Target at(Optional<PointInTime> chosen) {
        return chosen.map(point -> new Target(accountId, clusterId, branchId, branchName, Optional.of(point),
            endpointId, access, optionsRoutingAllowed)).orElse(this);
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
        return endpointId.map(id -> id + "=").orElse("") + clusterId + "/" + branchName
            + pointInTime.map(point -> "@" + point.text()).orElse("");
    }
}
