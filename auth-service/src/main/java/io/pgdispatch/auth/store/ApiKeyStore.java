package io.pgdispatch.auth.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The table auth.api_keys; lookups by key go through {@link AccountStore#findByApiKeyHash}. */
@ApplicationScoped
public class ApiKeyStore {

    public Uni<Void> insert(SqlClient tx, String id, String accountId, String keyHash) {
        return tx.preparedQuery("INSERT INTO auth.api_keys (id, account_id, key_hash) VALUES ($1, $2, $3)")
            .execute(Tuple.of(id, accountId, keyHash))
            .replaceWithVoid();
    }
}
