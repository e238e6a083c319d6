package io.pgdispatch.auth.store;

import io.pgdispatch.auth.apikey.ApiKey;
import io.pgdispatch.auth.apikey.ApiKeyNotFoundException;
import io.pgdispatch.auth.apikey.LastApiKeyException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** The table auth.api_keys; lookups by key go through {@link AccountStore#findByApiKeyHash}. */
@ApplicationScoped
public class ApiKeyStore {

    private final Pool pool;

    ApiKeyStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(SqlClient tx, String id, String accountId, String keyHash) {
        return insertReturningTime(tx, id, accountId, keyHash).replaceWithVoid();
    }

    /** Adds a key to an existing account; answers when it was made. */
    public Uni<OffsetDateTime> insert(String id, String accountId, String keyHash) {
        return insertReturningTime(pool, id, accountId, keyHash);
    }

    /** The account's keys, oldest first, marking the one whose hash is {@code currentHash}. */
    public Uni<List<ApiKey>> list(String accountId, String currentHash) {
        return pool.preparedQuery("""
                SELECT id, created_at, key_hash = $2 AS current FROM auth.api_keys WHERE account_id = $1
                ORDER BY created_at, id""")
            .execute(Tuple.of(accountId, currentHash))
            .map(rows -> rows.stream().map(row -> new ApiKey(row.getString("id"),
                row.getOffsetDateTime("created_at"), row.getBoolean("current"))).toList());
    }

    /**
     * Removes one of the account's keys unless it is the last. The account's row is locked first, so that two
     * removals at once cannot both see the other key and leave none.
     */
    public Uni<Void> deleteUnlessLast(String accountId, String id) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT id FROM auth.accounts WHERE id = $1 FOR UPDATE")
            .execute(Tuple.of(accountId))
            .chain(locked -> tx.preparedQuery("""
                    SELECT count(*) AS keys, count(*) FILTER (WHERE id = $2) AS found
                    FROM auth.api_keys WHERE account_id = $1""")
                .execute(Tuple.of(accountId, id)))
            .chain(counted -> {
                Row row = counted.iterator().next();
                if (row.getLong("found") == 0) {
                    return Uni.createFrom().failure(new ApiKeyNotFoundException(id));
                }
                if (row.getLong("keys") == 1) {
                    return Uni.createFrom().failure(new LastApiKeyException(id));
                }
                return tx.preparedQuery("DELETE FROM auth.api_keys WHERE account_id = $1 AND id = $2")
                    .execute(Tuple.of(accountId, id))
                    .replaceWithVoid();
            }));
    }

    private static Uni<OffsetDateTime> insertReturningTime(SqlClient client, String id, String accountId,
            String keyHash) {
        return client.preparedQuery("""
                INSERT INTO auth.api_keys (id, account_id, key_hash) VALUES ($1, $2, $3) RETURNING created_at""")
            .execute(Tuple.of(id, accountId, keyHash))
            .map(rows -> rows.iterator().next().getOffsetDateTime("created_at"));
    }
}
