package io.pgdispatch.proxy.routing;

import io.pgdispatch.contract.target.PointInTime;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import io.pgdispatch.proxy.routing.TargetHost.Kind;
import java.util.Optional;

/**
 * The cluster (and branch) or the endpoint a connection asks for. The sources are read in a fixed order: the
 * dedicated listener address the client connected to, then the TLS server name, then the {@code options} routing
 * items, and only when none of them names anything, the password ({@link PasswordForm}). Two sources that name
 * different targets are an error, never a guess that could connect a client to the wrong database. An endpoint
 * fixes its cluster and branch, so naming a cluster or branch beside it is an error too.
 *
 * A point in time ({@code timestamp} or {@code lsn}), a read replica or a one-off copy is chosen in options beside a
 * cluster; an endpoint fixes its own. A point in time is read-only already, so it takes no read replica.
 *
 * @param branchName the branch chosen in options; empty for the cluster's {@code main} or for an endpoint
 * @param pointInTime the moment chosen in options; empty for the branch as it is now, or for an endpoint
 * @param readReplica the replica chosen in options; {@link ReadReplica#NONE} for the primary, or for an endpoint
 * @param oneOff whether options ask for a writable copy of the branch for this session alone
 * @param source where the target was named, which decides the access rules that apply
 */
public record RequestedTarget(Kind kind, String id, Optional<String> branchName, Optional<PointInTime> pointInTime,
    ReadReplica readReplica, boolean oneOff, Source source) {

    /** Where a connection named its target. */
    public enum Source {
        DEDICATED_ADDRESS("the address it connected to"),
        HOST_NAME("the host name"),
        OPTIONS("options"),
        PASSWORD("the password"),
        LINK("the login link");

        private final String description;

        Source(String description) {
            this.description = description;
        }
    }

    /**
     * The target the first three sources name, or empty when none names one and the password must tell.
     *
     * @param dedicatedEndpoint the endpoint whose dedicated listener accepted the connection
     */
    public static Optional<RequestedTarget> select(Optional<String> dedicatedEndpoint, Optional<TargetHost> host,
            RoutingItems options) {
        Optional<RequestedTarget> named = dedicatedEndpoint.map(endpoint -> new RequestedTarget(Kind.ENDPOINT,
            endpoint, Optional.empty(), Optional.empty(), ReadReplica.NONE, false, Source.DEDICATED_ADDRESS));
        if (host.isPresent()) {
            named = Optional.of(agree(named, host.get().kind(), host.get().id(), Source.HOST_NAME));
        }
        if (options.endpoint().isPresent()) {
            named = Optional.of(agree(named, Kind.ENDPOINT, options.endpoint().get(), Source.OPTIONS));
        }
        if (options.cluster().isPresent()) {
            named = Optional.of(agree(named, Kind.CLUSTER, options.cluster().get(), Source.OPTIONS));
        }
        if (options.branch().isPresent()) {
            String branch = options.branch().get();
            RequestedTarget cluster = named.orElseThrow(() -> new ProtocolException(SqlState.INVALID_CATALOG_NAME,
                "options name branch \"" + branch + "\" but no cluster: add cluster:<cluster-id> to options, or"
                    + " connect with host=<cluster-id>.db.<domain>"));
            if (cluster.kind == Kind.ENDPOINT) {
                throw fixedByEndpoint(cluster, Source.OPTIONS, "branch \"" + branch + "\"");
            }
            named = Optional.of(new RequestedTarget(Kind.CLUSTER, cluster.id, Optional.of(branch), Optional.empty(),
                ReadReplica.NONE, false, Source.OPTIONS));
        }
        Optional<PointInTime> point = options.timestamp().map(PointInTime::at)
            .or(() -> options.lsn().map(PointInTime::at));
        if (point.isPresent() || options.readReplica() != ReadReplica.NONE || options.oneOff()) {
            named = Optional.of(choosingCompute(named, point, options.readReplica(), options.oneOff()));
        }
        return named;
    }

    /** An endpoint named in the password, for clients that can send neither a server name nor options. */
    public static RequestedTarget fromPassword(String endpointId) {
        return new RequestedTarget(Kind.ENDPOINT, endpointId, Optional.empty(), Optional.empty(), ReadReplica.NONE,
            false, Source.PASSWORD);
    }

    /** A cluster's branch or an endpoint a person chose on a login link's page. */
    public static RequestedTarget fromLink(Optional<String> clusterId, Optional<String> branchName,
            Optional<String> endpointId) {
        return endpointId.map(endpoint -> new RequestedTarget(Kind.ENDPOINT, endpoint, Optional.empty(),
                Optional.empty(), ReadReplica.NONE, false, Source.LINK))
            .orElseGet(() -> new RequestedTarget(Kind.CLUSTER, clusterId.orElseThrow(), branchName, Optional.empty(),
                ReadReplica.NONE, false, Source.LINK));
    }

    /**
     * Whether options chose the cluster, its branch, its point in time, its replica or a one-off copy: what a cluster
     * can forbid, keeping only its endpoints.
     */
    public boolean clusterChosenInOptions() {
        return kind == Kind.CLUSTER && source == Source.OPTIONS;
    }

    /** The target named by a later source, which must be the one an earlier source named, if any. */
    private static RequestedTarget agree(Optional<RequestedTarget> earlier, Kind kind, String id, Source source) {
        if (earlier.isEmpty()) {
            return new RequestedTarget(kind, id, Optional.empty(), Optional.empty(), ReadReplica.NONE, false, source);
        }
        RequestedTarget first = earlier.get();
        if (first.kind == kind && first.id.equals(id)) {
            return first;
        }
        if (first.kind == Kind.ENDPOINT && kind == Kind.CLUSTER) {
            throw fixedByEndpoint(first, source, "cluster \"" + id + "\"");
        }
        throw new ProtocolException(SqlState.INVALID_PARAMETER_VALUE, first.source.description + " names "
            + first.kind.noun() + " \"" + first.id + "\" but " + source.description + " name" + plural(source) + " "
            + kind.noun() + " \"" + id + "\": name one target, or the same one in both places");
    }

    /** The cluster (and branch) named so far, with the point in time, replica or one-off copy that options name. */
    private static RequestedTarget choosingCompute(Optional<RequestedTarget> named, Optional<PointInTime> point,
            ReadReplica readReplica, boolean oneOff) {
        String item = point.map(RequestedTarget::describe).orElse(oneOff ? "one-off"
            : readReplica == ReadReplica.ONE_OFF ? "read-replica:new" : "read-replica");
        if (point.isPresent() && readReplica != ReadReplica.NONE) {
            throw new ProtocolException(SqlState.INVALID_PARAMETER_VALUE, "options name both " + item + " and a"
                + " read replica, but a point in time is read-only already: leave out read-replica");
        }
        RequestedTarget cluster = named.orElseThrow(() -> new ProtocolException(SqlState.INVALID_CATALOG_NAME,
            "options name " + item + " but no cluster: add cluster:<cluster-id> to options, or connect with"
                + " host=<cluster-id>.db.<domain>"));
        if (cluster.kind == Kind.ENDPOINT) {
            throw fixedByEndpoint(cluster, Source.OPTIONS, item);
        }
        return new RequestedTarget(Kind.CLUSTER, cluster.id, cluster.branchName, point, readReplica, oneOff,
            Source.OPTIONS);
    }

    private static String describe(PointInTime point) {
        return point instanceof PointInTime.Time time ? "timestamp " + time.time()
            : "lsn " + ((PointInTime.Position) point).lsn();
    }

    private static ProtocolException fixedByEndpoint(RequestedTarget endpoint, Source source, String named) {
        return new ProtocolException(SqlState.INVALID_PARAMETER_VALUE, source.description + " name" + plural(source)
            + " " + named + " but the connection is for endpoint \"" + endpoint.id + "\" (named by "
            + endpoint.source.description + "), which fixes its cluster and branch: name only the endpoint");
    }

    private static String plural(Source source) {
        return source == Source.OPTIONS ? "" : "s";
    }

    @Override
    public String toString() {
        return kind.noun() + " \"" + id + "\"" + branchName.map(branch -> " branch \"" + branch + "\"").orElse("")
            + pointInTime.map(point -> " at " + point.text()).orElse("")
            + (readReplica == ReadReplica.NONE ? "" : " on " + readReplica.description())
            + (oneOff ? " as a one-off copy" : "");
    }
}
