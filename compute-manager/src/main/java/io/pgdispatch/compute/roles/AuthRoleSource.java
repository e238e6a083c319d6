package io.pgdispatch.compute.roles;

import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.ListRoleSecretsRequest;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Asks auth-service, which owns the roles and their SCRAM verifiers. */
@ApplicationScoped
public class AuthRoleSource implements RoleSource {

    private final AuthService auth;

    AuthRoleSource(@GrpcClient("auth") AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Uni<List<RoleSecret>> rolesOf(String accountId) {
        return auth.listRoleSecrets(ListRoleSecretsRequest.newBuilder().setAccountId(accountId).build())
            .map(response -> response.getRolesList().stream()
                .map(role -> new RoleSecret(role.getRoleName(), role.getScramVerifier()))
                .toList());
    }
}
