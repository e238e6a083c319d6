package io.pgdispatch.router.auth;

import io.grpc.Status;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyRequest;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyResponse;
import io.pgdispatch.contract.auth.v1.MutinyAuthServiceGrpc.MutinyAuthServiceStub;
import io.quarkus.cache.CacheResult;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Asks auth-service which account an API key belongs to. Successful answers are cached (cache {@code api-keys}) so
 * that a burst of management calls costs one round trip; failures are not cached.
 * Limitation: a revoked key keeps working until its cache entry expires (30 seconds by default).
 */
@ApplicationScoped
public class ApiKeyDirectory {

    private static final Logger LOG = Logger.getLogger(ApiKeyDirectory.class);
    private static final String INVALID_KEY = "the API key is not valid: check it, or create an account for a new one";
    /** A hung auth-service answers 503 after this long instead of holding the request. */
    private static final long TIMEOUT_SECONDS = 5;

    @GrpcClient("auth")
    MutinyAuthServiceStub auth;

    @CacheResult(cacheName = "api-keys")
    public Uni<String> accountOf(String apiKey) {
        // A deadline per call: a deadline configured on the client would be fixed once, when the stub is made.
        return auth.withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .authenticateApiKey(AuthenticateApiKeyRequest.newBuilder().setApiKey(apiKey).build())
            .map(AuthenticateApiKeyResponse::getAccountId)
            .onFailure().transform(ApiKeyDirectory::toDomainFailure);
    }

    private static RuntimeException toDomainFailure(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        if (status.getCode() == Status.Code.UNAUTHENTICATED) {
            return new UnauthenticatedException(INVALID_KEY);
        }
        LOG.warnf("auth-service did not answer an API-key check: %s %s", status.getCode(), status.getDescription());
        return new AuthUnavailableException(failure);
    }
}
