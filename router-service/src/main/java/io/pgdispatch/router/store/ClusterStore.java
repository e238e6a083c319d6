package io.pgdispatch.router.store;

import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.cluster.BranchNotFoundException;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.cluster.ClusterNotFoundException;
import io.pgdispatch.router.cluster.ClusterTarget;
import io.pgdispatch.router.cluster.ComputeAuthentication;
import io.pgdispatch.router.cluster.ConnectableTarget;
import io.pgdispatch.router.cluster.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Clusters and branches in the {@code router} schema. Lookups by account never reveal another account's data. */
@ApplicationScoped
public class ClusterStore {

    private static final Logger LOG = Logger.getLogger(ClusterStore.class);

    private static final String SELECT_CLUSTERS = """
        SELECT c.id, c.account_id, c.name, c.created_at, c.options_routing_allowed, c.compute_auth_method,
               c.compute_auth_options, c.anonymous_access, c.anonymous_connection_limit,
               c.anonymous_statement_timeout_ms,
               b.id AS branch_id, b.name AS branch_name, b.created_at AS branch_created_at, p.name AS parent_name
        FROM router.clusters c JOIN router.branches b ON b.cluster_id = c.id
        LEFT JOIN router.branches p ON p.id = b.parent_branch_id
        """;
    private static final String SELECT_BRANCH_BY_NAME = """
        SELECT c.account_id, c.options_routing_allowed, c.compute_auth_method, c.anonymous_access,
               c.anonymous_connection_limit, c.anonymous_statement_timeout_ms, b.id AS branch_id
        FROM router.clusters c LEFT JOIN router.branches b ON b.cluster_id = c.id AND b.name = $2
        WHERE c.id = $1
        """;
    private static final String CLUSTER_ORDER = " ORDER BY c.created_at, c.id, b.created_at, b.name";

    private final Pool pool;

    ClusterStore(Pool pool) {
        this.pool = pool;
    }

    /** Creates a cluster and its branch {@code main} in one transaction, so no cluster is ever without it. */
    public Uni<Cluster> create(String accountId, String name) {
        String clusterId = RandomIds.clusterId();
        String branchId = RandomIds.branchId();
        return pool.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO router.clusters (id, account_id, name) VALUES ($1, $2, $3)")
                .execute(Tuple.of(clusterId, accountId, name))
                .chain(() -> connection
                    .preparedQuery("INSERT INTO router.branches (id, cluster_id, name) VALUES ($1, $2, $3)")
                    .execute(Tuple.of(branchId, clusterId, Branch.DEFAULT_NAME))))
            .invoke(() -> LOG.infof("cluster %s created for account %s", clusterId, accountId))
            .chain(() -> find(accountId, clusterId));
    }

    /** Deletes one of the account's clusters with its branches and endpoints; a second call changes nothing. */
    public Uni<Void> delete(String accountId, String clusterId) {
        return pool.preparedQuery("DELETE FROM router.clusters WHERE account_id = $1 AND id = $2")
            .execute(Tuple.of(accountId, clusterId))
            .replaceWithVoid();
    }

    /** The account's clusters, oldest first. */
    public Uni<List<Cluster>> list(String accountId) {
        return pool.preparedQuery(SELECT_CLUSTERS + "WHERE c.account_id = $1" + CLUSTER_ORDER)
            .execute(Tuple.of(accountId))
            .map(ClusterRows::fold);
    }

    /** One cluster of the account; fails with {@link ClusterNotFoundException} for an unknown or foreign id. */
    public Uni<Cluster> find(String accountId, String clusterId) {
        return pool.preparedQuery(SELECT_CLUSTERS + "WHERE c.account_id = $1 AND c.id = $2" + CLUSTER_ORDER)
            .execute(Tuple.of(accountId, clusterId))
            .map(ClusterRows::fold)
            .map(clusters -> clusters.stream().findFirst().orElseThrow(() -> new ClusterNotFoundException(clusterId)));
    }

    /**
     * Resolves a cluster id and branch name, as a connection names them, to the target they address. An empty
     * branch name means {@code main}. Fails with {@link ClusterNotFoundException} or {@link BranchNotFoundException}.
     */
    public Uni<ClusterTarget> lookup(String clusterId, String branchName) {
        if (!ResourceName.isValid(clusterId)) {
            return Uni.createFrom().failure(new ClusterNotFoundException(clusterId));
        }
        String branch = branchName.isEmpty() ? Branch.DEFAULT_NAME : branchName;
        return pool.preparedQuery(SELECT_BRANCH_BY_NAME)
            .execute(Tuple.of(clusterId, branch))
            .map(rows -> new ClusterTarget(targetOf(rows, clusterId, branch),
                rows.iterator().next().getBoolean("options_routing_allowed"),
                rows.iterator().next().getString("compute_auth_method") != null,
                ClusterRows.anonymousOf(rows.iterator().next())));
    }

    /**
     * Sets whether connections may name the account's cluster in their options, and answers the cluster as it is
     * then. Fails with {@link ClusterNotFoundException} for an unknown or foreign id.
     */
    public Uni<Cluster> setOptionsRoutingAllowed(String accountId, String clusterId, boolean allowed) {
        return pool.preparedQuery("""
                UPDATE router.clusters SET options_routing_allowed = $3 WHERE account_id = $1 AND id = $2
                """)
            .execute(Tuple.of(accountId, clusterId, allowed))
            .invoke(rows -> {
                if (rows.rowCount() == 0) {
                    throw new ClusterNotFoundException(clusterId);
                }
                LOG.infof("cluster %s: connections naming it in options %s", clusterId,
                    allowed ? "allowed" : "refused");
            })
            .chain(() -> find(accountId, clusterId));
    }

    /**
     * Sets how the account's cluster authenticates connections, {@code passthrough} empty for the proxy's SCRAM, and
     * answers the cluster as it is then. Fails with {@link ClusterNotFoundException} for an unknown or foreign id.
     */
    public Uni<Cluster> setPassthrough(String accountId, String clusterId,
            Optional<ComputeAuthentication> passthrough) {
        return pool.preparedQuery("""
                UPDATE router.clusters SET compute_auth_method = $3, compute_auth_options = $4
                WHERE account_id = $1 AND id = $2
                """)
            .execute(Tuple.of(accountId, clusterId, passthrough.map(ComputeAuthentication::method).orElse(null),
                passthrough.map(ComputeAuthentication::options).orElse("")))
            .invoke(rows -> {
                if (rows.rowCount() == 0) {
                    throw new ClusterNotFoundException(clusterId);
                }
                LOG.infof("cluster %s: authentication by %s", clusterId,
                    passthrough.map(auth -> "its computes (" + auth.method() + ")").orElse("the proxy"));
            })
            .chain(() -> find(accountId, clusterId));
    }

    /**
     * Sets whether and how the account's cluster serves anonymous sessions, and answers the cluster as it is then.
     * Fails with {@link ClusterNotFoundException} for an unknown or foreign id.
     */
    public Uni<Cluster> setAnonymous(String accountId, String clusterId, AnonymousAccess anonymous) {
        return pool.preparedQuery("""
                UPDATE router.clusters SET anonymous_access = $3, anonymous_connection_limit = $4,
                    anonymous_statement_timeout_ms = $5
                WHERE account_id = $1 AND id = $2
                """)
            .execute(Tuple.of(accountId, clusterId, anonymous.mode().text(), anonymous.connectionLimit(),
                anonymous.statementTimeoutMillis()))
            .invoke(rows -> {
                if (rows.rowCount() == 0) {
                    throw new ClusterNotFoundException(clusterId);
                }
                LOG.infof("cluster %s: anonymous access %s", clusterId, anonymous.mode().text());
            })
            .chain(() -> find(accountId, clusterId));
    }

    /**
     * A branch given by name as a target, if the cluster is the account's. Fails with
     * {@link ClusterNotFoundException} for an unknown or foreign cluster, or {@link BranchNotFoundException}.
     */
    public Uni<Target> findTargetByName(String accountId, String clusterId, String branchName) {
        return pool.preparedQuery(SELECT_BRANCH_BY_NAME + "AND c.account_id = $3")
            .execute(Tuple.of(clusterId, branchName, accountId))
            .map(rows -> targetOf(rows, clusterId, branchName));
    }

    /**
     * A branch given by id as a target, with how its cluster's computes authenticate, if it is in the account's
     * cluster; else {@link BranchNotFoundException}.
     */
    public Uni<ConnectableTarget> findTarget(String accountId, String clusterId, String branchId) {
        return pool.preparedQuery("""
                SELECT b.name, c.compute_auth_method, c.compute_auth_options, c.anonymous_access,
                       c.anonymous_connection_limit, c.anonymous_statement_timeout_ms
                FROM router.clusters c JOIN router.branches b ON b.cluster_id = c.id
                WHERE c.account_id = $1 AND c.id = $2 AND b.id = $3
                """)
            .execute(Tuple.of(accountId, clusterId, branchId))
            .map(rows -> {
                if (rows.size() == 0) {
                    throw new BranchNotFoundException(clusterId, branchId);
                }
                Row row = rows.iterator().next();
                return new ConnectableTarget(new Target(accountId, clusterId, branchId, row.getString("name")),
                    ClusterRows.passthroughOf(row), ClusterRows.anonymousOf(row));
            });
    }

    private static Target targetOf(RowSet<Row> rows, String clusterId, String branchName) {
        if (rows.size() == 0) {
            throw new ClusterNotFoundException(clusterId);
        }
        Row row = rows.iterator().next();
        String branchId = row.getString("branch_id");
        if (branchId == null) {
            throw new BranchNotFoundException(clusterId, branchName);
        }
        return new Target(row.getString("account_id"), clusterId, branchId, branchName);
    }
}
