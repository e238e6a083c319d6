package io.pgdispatch.auth.store;

import io.pgdispatch.auth.role.Role;
import io.pgdispatch.auth.role.RoleExistsException;
import io.pgdispatch.auth.role.RoleSecret;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The table auth.roles. Every query is scoped to one account, which is how accounts stay apart. */
@ApplicationScoped
public class RoleStore {

    /** PostgreSQL's unique_violation (Appendix A, class 23). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    RoleStore(Pool pool) {
        this.pool = pool;
    }

    /** Adds a role; fails with {@link RoleExistsException} when the account already has one of that name. */
    public Uni<Role> insert(String accountId, String name, String scramVerifier) {
        return pool.preparedQuery("""
                INSERT INTO auth.roles (account_id, name, scram_verifier) VALUES ($1, $2, $3)
                RETURNING name, created_at""")
            .execute(Tuple.of(accountId, name, scramVerifier))
            .map(rows -> toRole(rows.iterator().next()))
            .onFailure(RoleStore::isUniqueViolation).transform(e -> new RoleExistsException(name));
    }

    /** Replaces a role's verifier; false when the account has no role of that name. */
    public Uni<Boolean> updateVerifier(String accountId, String name, String scramVerifier) {
        return pool.preparedQuery("UPDATE auth.roles SET scram_verifier = $3 WHERE account_id = $1 AND name = $2")
            .execute(Tuple.of(accountId, name, scramVerifier))
            .map(rows -> rows.rowCount() == 1);
    }

    /** Removes a role; false when the account has no role of that name. */
    public Uni<Boolean> delete(String accountId, String name) {
        return pool.preparedQuery("DELETE FROM auth.roles WHERE account_id = $1 AND name = $2")
            .execute(Tuple.of(accountId, name))
            .map(rows -> rows.rowCount() == 1);
    }

    public Uni<List<Role>> list(String accountId) {
        return pool.preparedQuery("SELECT name, created_at FROM auth.roles WHERE account_id = $1 ORDER BY name")
            .execute(Tuple.of(accountId))
            .map(rows -> mapAll(rows, RoleStore::toRole));
    }

    public Uni<List<RoleSecret>> listSecrets(String accountId) {
        return pool.preparedQuery("SELECT name, scram_verifier FROM auth.roles WHERE account_id = $1 ORDER BY name")
            .execute(Tuple.of(accountId))
            .map(rows -> mapAll(rows, RoleStore::toSecret));
    }

    public Uni<Optional<RoleSecret>> findSecret(String accountId, String name) {
        return pool.preparedQuery("SELECT name, scram_verifier FROM auth.roles WHERE account_id = $1 AND name = $2")
            .execute(Tuple.of(accountId, name))
            .map(rows -> mapAll(rows, RoleStore::toSecret).stream().findFirst());
    }

    private static <T> List<T> mapAll(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> result = new ArrayList<>(rows.size());
        rows.forEach(row -> result.add(mapper.apply(row)));
        return result;
    }

    private static Role toRole(Row row) {
        return new Role(row.getString("name"), row.getOffsetDateTime("created_at"));
    }

    private static RoleSecret toSecret(Row row) {
        return new RoleSecret(row.getString("name"), row.getString("scram_verifier"));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
