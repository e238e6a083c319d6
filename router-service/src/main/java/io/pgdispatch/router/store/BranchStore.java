package io.pgdispatch.router.store;

import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.cluster.BranchExistsException;
import io.pgdispatch.router.cluster.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Adds branches to existing clusters and deletes them, with what depends on a branch. */
@ApplicationScoped
public class BranchStore {

    /** SQLSTATE unique_violation, on the constraint PostgreSQL names for {@code UNIQUE (cluster_id, name)}. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String UNIQUE_NAME = "branches_cluster_id_name_key";

    private final Pool pool;

    BranchStore(Pool pool) {
        this.pool = pool;
    }

    /** Inserts a branch of the parent's cluster; fails with {@link BranchExistsException} when the name is taken. */
    public Uni<Branch> insert(Target parent, String name) {
        return pool.preparedQuery("""
                INSERT INTO router.branches (id, cluster_id, name, parent_branch_id) VALUES ($1, $2, $3, $4)
                RETURNING id, name, created_at
                """)
            .execute(Tuple.of(RandomIds.branchId(), parent.clusterId(), name, parent.branchId()))
            .map(rows -> branchOf(rows.iterator().next(), parent))
            .onFailure(BranchStore::isNameTaken)
            .transform(failure -> new BranchExistsException(parent.clusterId(), name));
    }

    /**
     * Deletes a branch row. Fails with a PgException (foreign_key_violation) when a branch or an endpoint refers to
     * it, which {@link #dependentsOf} lists beforehand.
     */
    public Uni<Void> delete(String clusterId, String branchId) {
        return pool.preparedQuery("DELETE FROM router.branches WHERE cluster_id = $1 AND id = $2")
            .execute(Tuple.of(clusterId, branchId))
            .replaceWithVoid();
    }

    /** The names of the branches made from this one and the ids of the endpoints that serve it, oldest first. */
    public Uni<BranchDependents> dependentsOf(String branchId) {
        return pool.preparedQuery("""
                SELECT 'branch' AS kind, name AS label, created_at FROM router.branches WHERE parent_branch_id = $1
                UNION ALL
                SELECT 'endpoint', id, created_at FROM router.endpoints WHERE branch_id = $1
                ORDER BY created_at""")
            .execute(Tuple.of(branchId))
            .map(rows -> {
                List<String> children = new ArrayList<>();
                List<String> endpoints = new ArrayList<>();
                rows.forEach(row -> (row.getString("kind").equals("branch") ? children : endpoints)
                    .add(row.getString("label")));
                return new BranchDependents(children, endpoints);
            });
    }

    /** What keeps a branch from being deleted. */
    public record BranchDependents(List<String> childBranches, List<String> endpoints) {

        public boolean isEmpty() {
            return childBranches.isEmpty() && endpoints.isEmpty();
        }
    }

    private static boolean isNameTaken(Throwable failure) {
        return failure instanceof PgException pg
            && UNIQUE_VIOLATION.equals(pg.getSqlState())
            && UNIQUE_NAME.equals(pg.getConstraint());
    }

    private static Branch branchOf(Row row, Target parent) {
        return new Branch(row.getString("id"), row.getString("name"), parent.branchName(),
            row.getOffsetDateTime("created_at").toInstant());
    }
}
