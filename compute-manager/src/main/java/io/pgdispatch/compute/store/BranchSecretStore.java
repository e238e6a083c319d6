package io.pgdispatch.compute.store;

import io.pgdispatch.compute.driver.PlatformRole;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The table compute.branch_secrets: one random password per branch for each {@link PlatformRole}. Made on first
 * use; concurrent first uses agree on one, as the insert keeps the row that came first.
 */
@ApplicationScoped
public class BranchSecretStore {

    private static final int SECRET_BYTES = 32;

    private final Pool pool;
    private final SecureRandom random = new SecureRandom();

    BranchSecretStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<String> passwordOf(String clusterId, String branchId, PlatformRole role) {
        byte[] fresh = new byte[SECRET_BYTES];
        random.nextBytes(fresh);
        return pool.preparedQuery("""
                INSERT INTO compute.branch_secrets (cluster_id, branch_id, role_name, password) VALUES ($1, $2, $3, $4)
                ON CONFLICT (cluster_id, branch_id, role_name) DO NOTHING""")
            .execute(Tuple.of(clusterId, branchId, role.roleName(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(fresh)))
            .chain(() -> pool.preparedQuery("""
                    SELECT password FROM compute.branch_secrets
                    WHERE cluster_id = $1 AND branch_id = $2 AND role_name = $3""")
                .execute(Tuple.of(clusterId, branchId, role.roleName())))
            .map(rows -> rows.iterator().next().getString("password"));
    }

    /** Forgets the secrets of a deleted branch. */
    public Uni<Void> deleteOfBranch(String clusterId, String branchId) {
        return pool.preparedQuery("DELETE FROM compute.branch_secrets WHERE cluster_id = $1 AND branch_id = $2")
            .execute(Tuple.of(clusterId, branchId))
            .replaceWithVoid();
    }
}
