package io.pgdispatch.router.store;

import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.cluster.ComputeAuthentication;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Folds the rows of a cluster-and-branch join (one row per branch) back into clusters, keeping their order. */
final class ClusterRows {

    private ClusterRows() {
    }

    static List<Cluster> fold(RowSet<Row> rows) {
        Map<String, List<Row>> rowsByCluster = new LinkedHashMap<>();
        for (Row row : rows) {
            rowsByCluster.computeIfAbsent(row.getString("id"), id -> new ArrayList<>()).add(row);
        }
        return rowsByCluster.values().stream().map(ClusterRows::clusterOf).toList();
    }

    private static Cluster clusterOf(List<Row> branchRows) {
        Row first = branchRows.get(0);
        List<Branch> branches = branchRows.stream().map(ClusterRows::branchOf).toList();
        return new Cluster(
            first.getString("id"),
            first.getString("account_id"),
            first.getString("name"),
            first.getOffsetDateTime("created_at").toInstant(),
            first.getBoolean("options_routing_allowed"),
            passthroughOf(first),
            anonymousOf(first),
            branches);
    }

    /** The cluster's anonymous access from a row with its three anonymous_ columns. */
    static AnonymousAccess anonymousOf(Row row) {
        return new AnonymousAccess(AnonymousAccess.Mode.of(row.getString("anonymous_access")),
            row.getInteger("anonymous_connection_limit"), row.getInteger("anonymous_statement_timeout_ms"));
    }

    /** The cluster's compute authentication from its row, empty when the proxy authenticates. */
    static Optional<ComputeAuthentication> passthroughOf(Row row) {
        String method = row.getString("compute_auth_method");
        return method == null ? Optional.empty()
            : Optional.of(new ComputeAuthentication(method, row.getString("compute_auth_options")));
    }

    private static Branch branchOf(Row row) {
        return new Branch(
            row.getString("branch_id"),
            row.getString("branch_name"),
            row.getString("parent_name"),
            row.getOffsetDateTime("branch_created_at").toInstant());
    }
}
