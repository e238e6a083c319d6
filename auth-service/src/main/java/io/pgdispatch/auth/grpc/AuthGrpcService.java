package io.pgdispatch.auth.grpc;

import io.grpc.Status;
import io.pgdispatch.auth.apikey.ApiKeyAuthenticator;
import io.pgdispatch.auth.apikey.InvalidApiKeyException;
import io.pgdispatch.auth.role.RoleSecret;
import io.pgdispatch.auth.store.RoleStore;
import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyRequest;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyResponse;
import io.pgdispatch.contract.auth.v1.GetRoleSecretRequest;
import io.pgdispatch.contract.auth.v1.GetRoleSecretResponse;
import io.pgdispatch.contract.auth.v1.ListRoleSecretsRequest;
import io.pgdispatch.contract.auth.v1.ListRoleSecretsResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The contract of services/src/main/proto/auth.proto, for the proxy, router-service and compute-manager.
 *
 * <p>Limitation: calls are not authenticated yet; any process that reaches the port can read verifiers. The
 * shared internal token or mutual TLS of the design still has to be added in front of this service.
 */
@GrpcService
public class AuthGrpcService implements AuthService {

    private final RoleStore roles;
    private final ApiKeyAuthenticator apiKeys;

    AuthGrpcService(RoleStore roles, ApiKeyAuthenticator apiKeys) {
        this.roles = roles;
        this.apiKeys = apiKeys;
    }

    @Override
    public Uni<GetRoleSecretResponse> getRoleSecret(GetRoleSecretRequest request) {
        return roles.findSecret(request.getAccountId(), request.getRoleName())
            .map(secret -> secret
                .map(found -> GetRoleSecretResponse.newBuilder()
                    .setFound(true)
                    .setScramVerifier(found.scramVerifier())
                    .build())
                .orElse(GetRoleSecretResponse.newBuilder().setFound(false).build()));
    }

    @Override
    public Uni<ListRoleSecretsResponse> listRoleSecrets(ListRoleSecretsRequest request) {
        return roles.listSecrets(request.getAccountId())
            .map(AuthGrpcService::toResponse);
    }

    @Override
    public Uni<AuthenticateApiKeyResponse> authenticateApiKey(AuthenticateApiKeyRequest request) {
        return apiKeys.authenticate(request.getApiKey())
            .map(account -> AuthenticateApiKeyResponse.newBuilder().setAccountId(account.id()).build())
            .onFailure(InvalidApiKeyException.class)
            .transform(e -> Status.UNAUTHENTICATED.withDescription(e.getMessage()).asRuntimeException());
    }

    private static ListRoleSecretsResponse toResponse(List<RoleSecret> secrets) {
        ListRoleSecretsResponse.Builder response = ListRoleSecretsResponse.newBuilder();
        secrets.forEach(secret -> response.addRolesBuilder()
            .setRoleName(secret.name())
            .setScramVerifier(secret.scramVerifier()));
        return response.build();
    }
}
