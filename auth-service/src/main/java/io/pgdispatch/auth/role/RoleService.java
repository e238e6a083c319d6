package io.pgdispatch.auth.role;

import io.pgdispatch.auth.InvalidInputException;
import io.pgdispatch.auth.store.RoleStore;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates, changes and removes roles: checks the name and password, then keeps only the SCRAM verifier of the
 * password. Every committed change is announced on dispatch.catalog-events, so that running computes take the new
 * verifier (or lose the role) and proxies drop the one they cached.
 */
@ApplicationScoped
public class RoleService {

    private static final Logger LOG = Logger.getLogger(RoleService.class);

    private final RoleStore roles;
    private final RoleEvents events;

    RoleService(RoleStore roles, RoleEvents events) {
        this.roles = roles;
        this.events = events;
    }

    /** Fails with {@link InvalidInputException} or {@link RoleExistsException}. */
    public Uni<Role> create(String accountId, String name, String password) {
        Optional<String> problem = RoleRules.problem(name, password);
        if (problem.isPresent()) {
            return Uni.createFrom().failure(new InvalidInputException(problem.get()));
        }

        return verifierOf(password)
            .chain(verifier -> roles.insert(accountId, name, verifier))
            .invoke(role -> LOG.infof("Created role %s for account %s", role.name(), accountId))
            .invoke(role -> events.changed(accountId, role.name()));
    }

    /** Fails with {@link InvalidInputException} or {@link RoleNotFoundException}. */
    public Uni<Void> changePassword(String accountId, String name, String password) {
        Optional<String> problem = RoleRules.passwordProblem(password);
        if (problem.isPresent()) {
            return Uni.createFrom().failure(new InvalidInputException(problem.get()));
        }
        return verifierOf(password)
            .chain(verifier -> roles.updateVerifier(accountId, name, verifier))
            .invoke(found -> requireFound(found, name))
            .invoke(() -> LOG.infof("Changed the password of role %s of account %s", name, accountId))
            .invoke(() -> events.changed(accountId, name))
            .replaceWithVoid();
    }

    /** Fails with {@link RoleNotFoundException}. */
    public Uni<Void> delete(String accountId, String name) {
        return roles.delete(accountId, name)
            .invoke(found -> requireFound(found, name))
            .invoke(() -> LOG.infof("Removed role %s of account %s", name, accountId))
            .invoke(() -> events.changed(accountId, name))
            .replaceWithVoid();
    }

    /** PBKDF2 takes milliseconds of CPU: it runs on a worker thread, never on the event loop. */
    private static Uni<String> verifierOf(String password) {
        return Uni.createFrom().item(() -> ScramVerifier.of(password))
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static void requireFound(boolean found, String name) {
        if (!found) {
            throw new RoleNotFoundException(name);
        }
    }
}
