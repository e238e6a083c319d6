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

/** Adds branches to existing clusters and takes back ones whose storage could not be made. */
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

    /** Deletes a branch whose storage was never made. */
    public Uni<Void> delete(String clusterId, String branchId) {
        return pool.preparedQuery("DELETE FROM router.branches WHERE cluster_id = $1 AND id = $2")
            .execute(Tuple.of(clusterId, branchId))
            .replaceWithVoid();
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
