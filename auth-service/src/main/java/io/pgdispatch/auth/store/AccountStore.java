package io.pgdispatch.auth.store;

import io.pgdispatch.auth.account.Account;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The table auth.accounts. */
@ApplicationScoped
public class AccountStore {

    private final Pool pool;

    AccountStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Account> insert(SqlClient tx, String id, String name) {
        return tx.preparedQuery("INSERT INTO auth.accounts (id, name) VALUES ($1, $2) RETURNING id, name, created_at")
            .execute(Tuple.of(id, name))
            .map(rows -> toAccount(rows.iterator().next()));
    }

    /** Deletes the account with its API keys, roles, login identities and link sessions (ON DELETE CASCADE). */
    public Uni<Void> delete(String id) {
        return pool.preparedQuery("DELETE FROM auth.accounts WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** The account owning the API key whose SHA-256 is {@code keyHash}. */
    public Uni<Optional<Account>> findByApiKeyHash(String keyHash) {
        return pool.preparedQuery("""
                SELECT a.id, a.name, a.created_at
                FROM auth.api_keys k JOIN auth.accounts a ON a.id = k.account_id
                WHERE k.key_hash = $1""")
            .execute(Tuple.of(keyHash))
            .map(AccountStore::firstAccount);
    }

    private static Optional<Account> firstAccount(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next()));
    }

    private static Account toAccount(Row row) {
        return new Account(row.getString("id"), row.getString("name"), row.getOffsetDateTime("created_at"));
    }
}
