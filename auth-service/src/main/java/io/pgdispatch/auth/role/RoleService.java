package io.pgdispatch.auth.role;

import io.pgdispatch.auth.InvalidInputException;
import io.pgdispatch.auth.store.RoleStore;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
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
    private final Vertx vertx;

    RoleService(RoleStore roles, RoleEvents events, Vertx vertx) {
        this.roles = roles;
        this.events = events;
        this.vertx = vertx;
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
    /**
     * 4096 rounds of PBKDF2 take milliseconds, so they run on a worker; the answer comes back on the caller's
     * context, where the request that asked goes on (its request scope lives there).
     */
    private Uni<String> verifierOf(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> ScramVerifier.of(password)));
    }

    private static void requireFound(boolean found, String name) {
        if (!found) {
            throw new RoleNotFoundException(name);
        }
    }
}
