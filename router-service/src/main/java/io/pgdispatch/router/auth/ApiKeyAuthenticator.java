package io.pgdispatch.router.auth;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns the Authorization header of a management API request into the caller's account id. */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private static final String BEARER = "Bearer ";

    private final ApiKeyDirectory directory;

    ApiKeyAuthenticator(ApiKeyDirectory directory) {
        this.directory = directory;
    }

    /**
     * The account of the header's API key. A missing or malformed header fails at once, without asking
     * auth-service, with {@link UnauthenticatedException}.
     */
    public Uni<String> accountOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return Uni.createFrom().failure(
                new UnauthenticatedException("missing API key: send the header \"Authorization: Bearer <api key>\""));
        }
        return directory.accountOf(authorization.substring(BEARER.length()).strip());
    }
}
