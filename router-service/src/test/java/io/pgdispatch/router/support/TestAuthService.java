package io.pgdispatch.router.support;

import io.grpc.Status;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyRequest;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyResponse;
import io.pgdispatch.contract.auth.v1.MutinyAuthServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * auth-service's API-key check, served by the application under test itself: the key {@code pgd_key-<account>}
 * belongs to {@code <account>}, and every other key is UNAUTHENTICATED, as auth-service answers an unknown key.
 * Router calls it over real gRPC only under the {@link ReachableAuthService} profile.
 */
@GrpcService
public class TestAuthService extends MutinyAuthServiceGrpc.AuthServiceImplBase {

    private static final String PREFIX = "pgd_key-";

    /** The API key of {@code accountId}. */
    public static String apiKeyOf(String accountId) {
        return PREFIX + accountId;
    }

    @Override
    public Uni<AuthenticateApiKeyResponse> authenticateApiKey(AuthenticateApiKeyRequest request) {
        if (!request.getApiKey().startsWith(PREFIX)) {
            return Uni.createFrom().failure(Status.UNAUTHENTICATED.asRuntimeException());
        }
        String account = request.getApiKey().substring(PREFIX.length());
        return Uni.createFrom().item(AuthenticateApiKeyResponse.newBuilder().setAccountId(account).build());
    }
}
