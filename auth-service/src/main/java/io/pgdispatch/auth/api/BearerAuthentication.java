package io.pgdispatch.auth.api;

import io.pgdispatch.auth.account.Account;
import io.pgdispatch.auth.apikey.ApiKeyAuthenticator;
import io.pgdispatch.auth.apikey.InvalidApiKeyException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds the calling account from an {@code Authorization: Bearer <api key>} header (RFC 6750 section 2.1). */
@ApplicationScoped
public class BearerAuthentication {

    private static final String SCHEME = "Bearer ";

    private final ApiKeyAuthenticator authenticator;

    BearerAuthentication(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Fails with {@link InvalidApiKeyException} when the header is missing or its key is not valid. */
    public Uni<Account> caller(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Uni.createFrom().failure(new InvalidApiKeyException(
                "send the header \"Authorization: Bearer <api key>\" with the key of your account"));
        }
        return authenticator.authenticate(presentedKey(authorization));
    }

    /** The key in a header that {@link #caller} accepted. */
    static String presentedKey(String authorization) {
        return authorization.substring(SCHEME.length()).trim();
    }
}
