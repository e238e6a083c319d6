package io.pgdispatch.proxy.routing;

import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import java.util.Optional;

/**
 * The cluster and branch a connection asks for, from its TLS server name and its {@code options} routing items.
 * The server name comes first; when both name a cluster they must agree, since guessing between them could
 * connect a client to the wrong database. Without a branch item the router picks the cluster's {@code main}.
 *
 * <p>Limitation: endpoints, points in time ({@code timestamp}, {@code lsn}) and read replicas are parsed but
 * refused with 0A000, never served by the primary instead.
 */
public record RequestedTarget(String clusterId, Optional<String> branchName) {

    public static RequestedTarget select(Optional<TargetHost> host, RoutingItems options, String domain) {
        refuseUnsupported(options);
        String cluster = host.map(TargetHost::clusterId)
            .or(options::cluster)
            .orElseThrow(() -> new ProtocolException(SqlState.INVALID_CATALOG_NAME, "the connection names no"
                + " cluster: connect with host=<cluster-id>.db." + domain + " (sent as the TLS server name), or"
                + " add options=cluster:<cluster-id> when the client cannot send a server name"));
        options.cluster().filter(named -> !named.equals(cluster)).ifPresent(named -> {
            throw new ProtocolException(SqlState.INVALID_PARAMETER_VALUE, "the host name names cluster \""
                + cluster + "\" but options name cluster \"" + named + "\": name one cluster, or only one of them");
        });
        return new RequestedTarget(cluster, options.branch());
    }

    private static void refuseUnsupported(RoutingItems options) {
        if (options.endpoint().isPresent()) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED,
                "endpoints are not available yet: name a cluster with options=cluster:<cluster-id>");
        }
        if (options.timestamp().isPresent() || options.lsn().isPresent()) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED,
                "connections at a point in time (timestamp, lsn) are not available yet: leave them out to reach"
                    + " the branch as it is now");
        }
        if (options.readReplica() != ReadReplica.NONE) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED,
                "read replicas are not available yet: leave out read-replica to reach the primary");
        }
    }
}
