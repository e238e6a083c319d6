package io.pgdispatch.auth.store;

import io.pgdispatch.auth.link.IdentityTakenException;
import io.pgdispatch.auth.link.LoginIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The table auth.login_identities: which account a person logged in through the OIDC provider acts for. */
@ApplicationScoped
public class LoginIdentityStore {

    /** PostgreSQL's unique_violation (Appendix A, class 23). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    LoginIdentityStore(Pool pool) {
        this.pool = pool;
    }

    /** Fails with {@link IdentityTakenException} when the identity belongs to an account already. */
    public Uni<LoginIdentity> insert(String accountId, String issuer, String subject) {
        return pool.preparedQuery("""
                INSERT INTO auth.login_identities (issuer, subject, account_id) VALUES ($1, $2, $3)
                RETURNING issuer, subject""")
            .execute(Tuple.of(issuer, subject, accountId))
            .map(rows -> identityOf(rows.iterator().next()))
            .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
            .transform(e -> new IdentityTakenException(issuer, subject));
    }

    public Uni<List<LoginIdentity>> list(String accountId) {
        return pool.preparedQuery("""
                SELECT issuer, subject FROM auth.login_identities WHERE account_id = $1 ORDER BY created_at""")
            .execute(Tuple.of(accountId))
            .map(rows -> rows.stream().map(LoginIdentityStore::identityOf).toList());
    }

    /** False when the account has no such identity. */
    public Uni<Boolean> delete(String accountId, String issuer, String subject) {
        return pool.preparedQuery("""
                DELETE FROM auth.login_identities WHERE account_id = $1 AND issuer = $2 AND subject = $3""")
            .execute(Tuple.of(accountId, issuer, subject))
            .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<String>> accountOf(String issuer, String subject) {
        return pool.preparedQuery("SELECT account_id FROM auth.login_identities WHERE issuer = $1 AND subject = $2")
            .execute(Tuple.of(issuer, subject))
            .map(rows -> rows.size() == 0 ? Optional.empty()
                : Optional.of(rows.iterator().next().getString("account_id")));
    }

    private static LoginIdentity identityOf(Row row) {
        return new LoginIdentity(row.getString("issuer"), row.getString("subject"));
    }
}
