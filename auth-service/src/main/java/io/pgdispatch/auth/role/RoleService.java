package io.pgdispatch.auth.role;

import io.pgdispatch.auth.InvalidInputException;
import io.pgdispatch.auth.store.RoleStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates roles: checks the name and password, then keeps only the SCRAM verifier of the password.
 *
 * <p>Limitation: a new role is not yet announced on dispatch.catalog-events; computes learn of it only when
 * compute-manager next calls ListRoleSecrets, and proxy caches only when their entries expire.
 */
@ApplicationScoped
public class RoleService {

    private static final Logger LOG = Logger.getLogger(RoleService.class);

    private final RoleStore roles;

    RoleService(RoleStore roles) {
        this.roles = roles;
    }

    /** Fails with {@link InvalidInputException} or {@link RoleExistsException}. */
    public Uni<Role> create(String accountId, String name, String password) {
        Optional<String> problem = RoleRules.problem(name, password);
        if (problem.isPresent()) {
            return Uni.createFrom().failure(new InvalidInputException(problem.get()));
        }

        // PBKDF2 takes milliseconds of CPU: it runs on a worker thread, never on the event loop.
        return Uni.createFrom().item(() -> ScramVerifier.of(password))
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
            .chain(verifier -> roles.insert(accountId, name, verifier))
            .invoke(role -> LOG.infof("Created role %s for account %s", role.name(), accountId));
    }
}
