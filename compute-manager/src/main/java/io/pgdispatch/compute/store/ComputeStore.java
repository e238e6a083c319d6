package io.pgdispatch.compute.store;

import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.contract.target.PointInTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The computes table, through the reactive client. */
@ApplicationScoped
public class ComputeStore {

    private static final String COLUMNS =
        "id, account_id, cluster_id, branch_id, kind, point_in_time, state, data_dir";

    private final Pool pool;

    ComputeStore(Pool pool) {
        this.pool = pool;
    }

    /** The primary compute of a branch, made STOPPED on first use; concurrent callers all get the one row. */
    public Uni<ComputeRecord> findOrCreatePrimary(String accountId, String clusterId, String branchId) {
        return findOrCreate(accountId, clusterId, branchId, ComputeSpec.Kind.PRIMARY, "", "");
    }

    /** The shared compute of a branch at a point in time, made STOPPED on first use. */
    public Uni<ComputeRecord> findOrCreateAt(String accountId, String clusterId, String branchId, PointInTime point) {
        return findOrCreate(accountId, clusterId, branchId, ComputeSpec.Kind.POINT_IN_TIME, point.text(), "");
    }

    /** The shared read replica of a branch, made STOPPED on first use. */
    public Uni<ComputeRecord> findOrCreateReplica(String accountId, String clusterId, String branchId) {
        return findOrCreate(accountId, clusterId, branchId, ComputeSpec.Kind.REPLICA, "", "");
    }

    /** The read replica of one proxy session, made STOPPED on its first request; removed by {@link #delete}. */
    public Uni<ComputeRecord> findOrCreateOneOffReplica(String accountId, String clusterId, String branchId,
            String sessionId) {
        return findOrCreate(accountId, clusterId, branchId, ComputeSpec.Kind.ONE_OFF_REPLICA, "", sessionId);
    }

    /** The writable copy of a branch for one proxy session, at a point in time or at the head; see above. */
    public Uni<ComputeRecord> findOrCreateOneOffBranch(String accountId, String clusterId, String branchId,
            Optional<PointInTime> point, String sessionId) {
        return findOrCreate(accountId, clusterId, branchId, ComputeSpec.Kind.ONE_OFF_BRANCH,
            point.map(PointInTime::text).orElse(""), sessionId);
    }

    private Uni<ComputeRecord> findOrCreate(String accountId, String clusterId, String branchId,
            ComputeSpec.Kind kind, String point, String sessionId) {
        return pool.preparedQuery("INSERT INTO compute.computes"
                + " (id, account_id, cluster_id, branch_id, kind, point_in_time, session_id, state)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, 'STOPPED')"
                + " ON CONFLICT (cluster_id, branch_id, kind, point_in_time, session_id) DO NOTHING")
            .execute(Tuple.from(List.of(UUID.randomUUID().toString(), accountId, clusterId, branchId, kind.name(),
                point, sessionId)))
            .chain(() -> pool.preparedQuery("SELECT " + COLUMNS + " FROM compute.computes WHERE cluster_id = $1"
                    + " AND branch_id = $2 AND kind = $3 AND point_in_time = $4 AND session_id = $5")
                .execute(Tuple.from(List.of(clusterId, branchId, kind.name(), point, sessionId))))
            .map(rows -> toRecord(rows.iterator().next()));
    }

    /** The compute with this id, if there is one. */
    public Uni<Optional<ComputeRecord>> find(String id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM compute.computes WHERE id = $1").execute(Tuple.of(id))
            .map(rows -> rows.size() == 0 ? Optional.<ComputeRecord>empty()
                : Optional.of(toRecord(rows.iterator().next())));
    }

    /** Forgets a one-off compute whose storage is gone. */
    public Uni<Void> delete(String id) {
        return update("DELETE FROM compute.computes WHERE id = $1", Tuple.of(id));
    }

    public Uni<List<ComputeRecord>> listAll() {
        return pool.query("SELECT " + COLUMNS + " FROM compute.computes").execute().map(ComputeStore::toRecords);
    }

    /** Every compute of a branch: its primary, replicas, points in time and one-off copies. */
    public Uni<List<ComputeRecord>> listOfBranch(String clusterId, String branchId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM compute.computes WHERE cluster_id = $1"
                + " AND branch_id = $2").execute(Tuple.of(clusterId, branchId))
            .map(ComputeStore::toRecords);
    }

    /** Records that a branch is gone, before its storage is removed; a second call changes nothing. */
    public Uni<Void> markBranchDeleted(String clusterId, String branchId) {
        return update("INSERT INTO compute.deleted_branches (cluster_id, branch_id) VALUES ($1, $2)"
            + " ON CONFLICT DO NOTHING", Tuple.of(clusterId, branchId));
    }

    public Uni<Boolean> isBranchDeleted(String clusterId, String branchId) {
        return pool.preparedQuery("SELECT 1 FROM compute.deleted_branches WHERE cluster_id = $1 AND branch_id = $2")
            .execute(Tuple.of(clusterId, branchId))
            .map(rows -> rows.size() > 0);
    }

    public Uni<List<ComputeRecord>> listOneOff() {
        return pool.query("SELECT " + COLUMNS + " FROM compute.computes"
                + " WHERE kind IN ('ONE_OFF_REPLICA', 'ONE_OFF_BRANCH')").execute()
            .map(ComputeStore::toRecords);
    }

    public Uni<List<ComputeRecord>> listRunning() {
        return pool.query("SELECT " + COLUMNS + " FROM compute.computes WHERE state = 'RUNNING'").execute()
            .map(ComputeStore::toRecords);
    }

    public Uni<Void> markState(String id, ComputeState state) {
        return update("UPDATE compute.computes SET state = $2, updated_at = now() WHERE id = $1",
            Tuple.of(id, state.name()));
    }

    /**
     * Also counts as activity: a compute is running because someone asked for it. A null dataDir keeps the
     * stored one.
     */
    public Uni<Void> markRunning(String id, ComputeEndpoint endpoint, String dataDir) {
        return update("UPDATE compute.computes SET state = 'RUNNING', host = $2, port = $3,"
                + " data_dir = COALESCE($4, data_dir), last_active_at = now(), updated_at = now() WHERE id = $1",
            Tuple.of(id, endpoint.host(), endpoint.port(), dataDir));
    }

    public Uni<Void> markStopped(String id) {
        return update("UPDATE compute.computes SET state = 'STOPPED', host = NULL, port = NULL, updated_at = now()"
            + " WHERE id = $1", Tuple.of(id));
    }

    private Uni<Void> update(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }

    private static List<ComputeRecord> toRecords(RowSet<Row> rows) {
        List<ComputeRecord> records = new ArrayList<>();
        rows.forEach(row -> records.add(toRecord(row)));
        return records;
    }

    private static ComputeRecord toRecord(Row row) {
        return new ComputeRecord(
            row.getString("id"),
            row.getString("account_id"),
            row.getString("cluster_id"),
            row.getString("branch_id"),
            ComputeSpec.Kind.valueOf(row.getString("kind")),
            Optional.of(row.getString("point_in_time")).filter(point -> !point.isEmpty()).map(PointInTime::parse),
            ComputeState.valueOf(row.getString("state")),
            row.getString("data_dir"));
    }
}
