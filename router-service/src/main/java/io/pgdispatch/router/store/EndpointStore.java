package io.pgdispatch.router.store;

import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.endpoint.AccessRules;
import io.pgdispatch.router.endpoint.Endpoint;
import io.pgdispatch.router.endpoint.EndpointListener;
import io.pgdispatch.router.endpoint.EndpointNotFoundException;
import io.pgdispatch.router.endpoint.EndpointSettings;
import io.pgdispatch.router.endpoint.EndpointTarget;
import io.pgdispatch.router.endpoint.ListenAddressInUseException;
import io.pgdispatch.router.cluster.PointInTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Endpoints in the {@code router} schema. Lookups by account never reveal another account's endpoints; the lookup
 * by id alone is for connections, which learn the owning account from it.
 */
@ApplicationScoped
public class EndpointStore {

    /** SQLSTATE unique_violation, on the constraint PostgreSQL names for {@code listen_address text UNIQUE}. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String UNIQUE_LISTEN_ADDRESS = "endpoints_listen_address_key";

    /** Columns of an endpoint row {@code e} with its branch's name and its cluster's switch. */
    private static final String COLUMNS = """
        SELECT e.id, e.account_id, e.cluster_id, e.branch_id, b.name AS branch_name, e.at_timestamp,
               e.at_lsn::text AS at_lsn, e.read_replica, e.allowed_addresses, e.allowed_vpc_endpoints, e.vpc_only,
               e.listen_address, e.created_at, e.updated_at, c.options_routing_allowed, c.compute_auth_method,
               c.anonymous_access, c.anonymous_connection_limit, c.anonymous_statement_timeout_ms,
               e.anonymous_access AS own_anonymous_access,
               e.anonymous_connection_limit AS own_anonymous_connection_limit,
               e.anonymous_statement_timeout_ms AS own_anonymous_statement_timeout_ms
        """;
    private static final String JOINS = """
         e JOIN router.branches b ON b.id = e.branch_id JOIN router.clusters c ON c.id = e.cluster_id
        """;
    private static final String SELECT_ENDPOINTS = COLUMNS + "FROM router.endpoints" + JOINS;
    /** The settings are parameters $5 to $14 in the order of {@link #withSettings}. */
    private static final String INSERT = """
        WITH e AS (
            INSERT INTO router.endpoints (id, account_id, cluster_id, branch_id, at_timestamp, at_lsn, read_replica,
                allowed_addresses, allowed_vpc_endpoints, vpc_only, listen_address, anonymous_access,
                anonymous_connection_limit, anonymous_statement_timeout_ms)
            VALUES ($1, $2, $3, $4, $5, $6::text::pg_lsn, $7, $8, $9, $10, $11, $12, $13, $14)
            RETURNING *)
        """ + COLUMNS + "FROM e" + JOINS;
    private static final String UPDATE = """
        WITH e AS (
            UPDATE router.endpoints SET branch_id = $4, at_timestamp = $5, at_lsn = $6::text::pg_lsn,
                read_replica = $7, allowed_addresses = $8, allowed_vpc_endpoints = $9, vpc_only = $10,
                listen_address = $11, anonymous_access = $12, anonymous_connection_limit = $13,
                anonymous_statement_timeout_ms = $14, updated_at = now()
            WHERE id = $1 AND account_id = $2 AND cluster_id = $3
            RETURNING *)
        """ + COLUMNS + "FROM e" + JOINS;

    private final Pool pool;

    EndpointStore(Pool pool) {
        this.pool = pool;
    }

    /** Inserts a new endpoint of the target's branch; fails with {@link ListenAddressInUseException}. */
    public Uni<Endpoint> insert(Target target, EndpointSettings settings) {
        Tuple parameters = withSettings(Tuple.of(RandomIds.endpointId(), target.accountId(), target.clusterId(),
            target.branchId()), settings);
        return pool.preparedQuery(INSERT)
            .execute(parameters)
            .map(rows -> endpointOf(rows.iterator().next()))
            .onFailure(EndpointStore::isListenAddressTaken)
            .transform(failure -> new ListenAddressInUseException(settings.listenAddress()));
    }

    /**
     * Replaces the settings of the account's endpoint {@code endpointId}, which must belong to the target's cluster;
     * fails with {@link EndpointNotFoundException} or {@link ListenAddressInUseException}.
     */
    public Uni<Endpoint> update(String endpointId, Target target, EndpointSettings settings) {
        Tuple parameters = withSettings(Tuple.of(endpointId, target.accountId(), target.clusterId(),
            target.branchId()), settings);
        return pool.preparedQuery(UPDATE)
            .execute(parameters)
            .map(rows -> single(rows, endpointId))
            .onFailure(EndpointStore::isListenAddressTaken)
            .transform(failure -> new ListenAddressInUseException(settings.listenAddress()));
    }

    /** Deletes the account's endpoint and answers it as it was; fails with {@link EndpointNotFoundException}. */
    public Uni<Endpoint> delete(String accountId, String endpointId) {
        return pool.preparedQuery("WITH e AS (DELETE FROM router.endpoints WHERE account_id = $1 AND id = $2"
                + " RETURNING *) " + COLUMNS + "FROM e" + JOINS)
            .execute(Tuple.of(accountId, endpointId))
            .map(rows -> single(rows, endpointId));
    }

    /** The account's endpoint; fails with {@link EndpointNotFoundException} for an unknown or foreign id. */
    public Uni<Endpoint> find(String accountId, String endpointId) {
        return pool.preparedQuery(SELECT_ENDPOINTS + "WHERE e.account_id = $1 AND e.id = $2")
            .execute(Tuple.of(accountId, endpointId))
            .map(rows -> single(rows, endpointId));
    }

    /** The endpoints of one of the account's clusters, oldest first. */
    public Uni<List<Endpoint>> list(String accountId, String clusterId) {
        return pool.preparedQuery(SELECT_ENDPOINTS
                + "WHERE e.account_id = $1 AND e.cluster_id = $2 ORDER BY e.created_at, e.id")
            .execute(Tuple.of(accountId, clusterId))
            .map(rows -> rows.stream().map(EndpointStore::endpointOf).toList());
    }

    /** An endpoint as a connection names it, of any account; fails with {@link EndpointNotFoundException}. */
    public Uni<EndpointTarget> lookup(String endpointId) {
        if (!ResourceName.isValid(endpointId)) {
            return Uni.createFrom().failure(new EndpointNotFoundException(endpointId));
        }
        return pool.preparedQuery(SELECT_ENDPOINTS + "WHERE e.id = $1")
            .execute(Tuple.of(endpointId))
            .map(rows -> new EndpointTarget(single(rows, endpointId),
                rows.iterator().next().getBoolean("options_routing_allowed"),
                rows.iterator().next().getString("compute_auth_method") != null,
                ClusterRows.anonymousOf(rows.iterator().next())));
    }

    /** Every endpoint with a dedicated listener address, of all accounts, by endpoint id. */
    public Uni<List<EndpointListener>> listeners() {
        return pool.query("""
                SELECT id, listen_address FROM router.endpoints WHERE listen_address IS NOT NULL ORDER BY id
                """)
            .execute()
            .map(rows -> rows.stream()
                .map(row -> new EndpointListener(row.getString("id"), row.getString("listen_address")))
                .toList());
    }

    private static Tuple withSettings(Tuple parameters, EndpointSettings settings) {
        PointInTime pointInTime = settings.pointInTime();
        AccessRules access = settings.access();
        return parameters
            .addValue(pointInTime.timestamp() == null ? null : pointInTime.timestamp().atOffset(ZoneOffset.UTC))
            .addString(pointInTime.lsn() == null ? null : pointInTime.lsn().toString())
            .addBoolean(settings.readReplica())
            .addArrayOfString(access.allowedAddresses().toArray(String[]::new))
            .addArrayOfString(access.allowedVpcEndpoints().toArray(String[]::new))
            .addBoolean(access.vpcOnly())
            .addString(settings.listenAddress())
            .addString(settings.anonymous().map(anonymous -> anonymous.mode().text()).orElse(null))
            .addInteger(settings.anonymous().map(AnonymousAccess::connectionLimit).orElse(null))
            .addInteger(settings.anonymous().map(AnonymousAccess::statementTimeoutMillis).orElse(null));
    }

    private static Endpoint single(RowSet<Row> rows, String endpointId) {
        if (rows.size() == 0) {
            throw new EndpointNotFoundException(endpointId);
        }
        return endpointOf(rows.iterator().next());
    }

    private static Endpoint endpointOf(Row row) {
        Target target = new Target(row.getString("account_id"), row.getString("cluster_id"),
            row.getString("branch_id"), row.getString("branch_name"));
        String lsn = row.getString("at_lsn");
        PointInTime pointInTime = new PointInTime(
            row.getOffsetDateTime("at_timestamp") == null ? null : row.getOffsetDateTime("at_timestamp").toInstant(),
            lsn == null ? null : Lsn.parse(lsn));
        AccessRules access = new AccessRules(List.of(row.getArrayOfStrings("allowed_addresses")),
            List.of(row.getArrayOfStrings("allowed_vpc_endpoints")), row.getBoolean("vpc_only"));
        String ownAnonymous = row.getString("own_anonymous_access");
        Optional<AnonymousAccess> anonymous = ownAnonymous == null ? Optional.empty()
            : Optional.of(new AnonymousAccess(AnonymousAccess.Mode.of(ownAnonymous),
                row.getInteger("own_anonymous_connection_limit"),
                row.getInteger("own_anonymous_statement_timeout_ms")));
        return new Endpoint(row.getString("id"), target, pointInTime, row.getBoolean("read_replica"), access,
            row.getString("listen_address"), anonymous, row.getOffsetDateTime("created_at").toInstant(),
            row.getOffsetDateTime("updated_at").toInstant());
    }

    private static boolean isListenAddressTaken(Throwable failure) {
        return failure instanceof PgException pg
            && UNIQUE_VIOLATION.equals(pg.getSqlState())
            && UNIQUE_LISTEN_ADDRESS.equals(pg.getConstraint());
    }
}
