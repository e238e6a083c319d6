package io.pgdispatch.compute.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The table compute.branch_secrets: one random password per branch for the role the proxy logs in as for anonymous
 * sessions. Made on first use; concurrent first uses agree on one, as the insert keeps the row that came first.
 */
@ApplicationScoped
public class BranchSecretStore {

    private static final int SECRET_BYTES = 32;

    private final Pool pool;
    private final SecureRandom random = new SecureRandom();

    BranchSecretStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<String> anonymousPassword(String clusterId, String branchId) {
        byte[] fresh = new byte[SECRET_BYTES];
        random.nextBytes(fresh);
        return pool.preparedQuery("""
                INSERT INTO compute.branch_secrets (cluster_id, branch_id, anonymous_password) VALUES ($1, $2, $3)
                ON CONFLICT (cluster_id, branch_id) DO NOTHING""")
            .execute(Tuple.of(clusterId, branchId, Base64.getUrlEncoder().withoutPadding().encodeToString(fresh)))
            .chain(() -> pool.preparedQuery("""
                    SELECT anonymous_password FROM compute.branch_secrets WHERE cluster_id = $1 AND branch_id = $2""")
                .execute(Tuple.of(clusterId, branchId)))
            .map(rows -> rows.iterator().next().getString("anonymous_password"));
    }
}
