package io.pgdispatch.compute.support;

import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.roles.RoleSource;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;

/** Hands every account the one role {@link #ROLE}, in place of auth-service. */
@Alternative
@Priority(1)
@ApplicationScoped
public class FixedRoleSource implements RoleSource {

    public static final String ROLE = "alice";
    public static final String PASSWORD = "correct horse battery";

    private final List<RoleSecret> roles = List.of(new RoleSecret(ROLE, ScramVerifier.of(PASSWORD)));

    @Override
    public Uni<List<RoleSecret>> rolesOf(String accountId) {
        return Uni.createFrom().item(roles);
    }
}
