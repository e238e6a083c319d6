package io.pgdispatch.auth.grpc;

import io.grpc.Status;
import io.pgdispatch.auth.apikey.ApiKeyAuthenticator;
import io.pgdispatch.auth.apikey.InvalidApiKeyException;
import io.pgdispatch.auth.link.LinkLogins;
import io.pgdispatch.auth.link.LinkSession;
import io.pgdispatch.auth.role.RoleSecret;
import io.pgdispatch.auth.store.RoleStore;
import io.pgdispatch.contract.auth.v1.AbandonLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.AbandonLinkSessionResponse;
import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyRequest;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyResponse;
import io.pgdispatch.contract.auth.v1.AwaitLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.AwaitLinkSessionResponse;
import io.pgdispatch.contract.auth.v1.CreateLinkSessionRequest;
import io.pgdispatch.contract.auth.v1.CreateLinkSessionResponse;
import io.pgdispatch.contract.auth.v1.GetRoleSecretRequest;
import io.pgdispatch.contract.auth.v1.GetRoleSecretResponse;
import io.pgdispatch.contract.auth.v1.ListRoleSecretsRequest;
import io.pgdispatch.contract.auth.v1.LinkState;
import io.pgdispatch.contract.auth.v1.ListRoleSecretsResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;

/**
 * The contract of services/src/main/proto/auth.proto, for the proxy, router-service and compute-manager. Calls
 * carry the internal token ({@link io.pgdispatch.contract.internal.InternalToken}).
 */
@GrpcService
public class AuthGrpcService implements AuthService {

    /** The longest single wait; the proxy asks again until the link expires. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final RoleStore roles;
    private final ApiKeyAuthenticator apiKeys;
    private final LinkLogins links;

    AuthGrpcService(RoleStore roles, ApiKeyAuthenticator apiKeys, LinkLogins links) {
        this.roles = roles;
        this.apiKeys = apiKeys;
        this.links = links;
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

    @Override
    public Uni<CreateLinkSessionResponse> createLinkSession(CreateLinkSessionRequest request) {
        return links.create(request.getClientAddress())
            .map(session -> CreateLinkSessionResponse.newBuilder()
                .setLinkId(session.id())
                .setUrl(links.urlOf(session))
                .setExpiresAtEpochMs(session.expiresAt().toEpochMilli())
                .build());
    }

    @Override
    public Uni<AwaitLinkSessionResponse> awaitLinkSession(AwaitLinkSessionRequest request) {
        Duration wait = Duration.ofMillis(Math.max(0, request.getWaitMs()));
        return links.await(request.getLinkId(), wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait)
            .map(AuthGrpcService::toResponse);
    }

    @Override
    public Uni<AbandonLinkSessionResponse> abandonLinkSession(AbandonLinkSessionRequest request) {
        return links.abandon(request.getLinkId()).map(done -> AbandonLinkSessionResponse.getDefaultInstance());
    }

    private static AwaitLinkSessionResponse toResponse(LinkSession session) {
        LinkState state = switch (session.state()) {
            case PENDING -> LinkState.LINK_PENDING;
            case CONFIRMED -> LinkState.LINK_CONFIRMED;
            case CANCELLED -> LinkState.LINK_CANCELLED;
            case ABANDONED -> LinkState.LINK_ABANDONED;
            case EXPIRED -> LinkState.LINK_EXPIRED;
        };
        AwaitLinkSessionResponse.Builder answer = AwaitLinkSessionResponse.newBuilder().setState(state);
        session.accountId().ifPresent(answer::setAccountId);
        session.choice().ifPresent(choice -> {
            choice.clusterId().ifPresent(answer::setClusterId);
            choice.branchName().ifPresent(answer::setBranchName);
            choice.endpointId().ifPresent(answer::setEndpointId);
            answer.setRoleName(choice.roleName());
        });
        return answer.build();
    }
}
