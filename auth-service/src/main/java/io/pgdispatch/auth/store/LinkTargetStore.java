package io.pgdispatch.auth.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The table auth.link_targets: the target an account's link pages offer first. */
@ApplicationScoped
public class LinkTargetStore {

    private final Pool pool;

    LinkTargetStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<String>> find(String accountId) {
        return pool.preparedQuery("SELECT target FROM auth.link_targets WHERE account_id = $1")
            .execute(Tuple.of(accountId))
            .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<Void> set(String accountId, String target) {
        return pool.preparedQuery("""
                INSERT INTO auth.link_targets (account_id, target) VALUES ($1, $2)
                ON CONFLICT (account_id) DO UPDATE SET target = excluded.target, updated_at = now()""")
            .execute(Tuple.of(accountId, target))
            .replaceWithVoid();
    }

    /** False when the account had none. */
    public Uni<Boolean> clear(String accountId) {
        return pool.preparedQuery("DELETE FROM auth.link_targets WHERE account_id = $1")
            .execute(Tuple.of(accountId))
            .map(rows -> rows.rowCount() == 1);
    }
}
