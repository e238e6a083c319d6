package io.pgdispatch.auth.apikey;

import io.pgdispatch.auth.account.Account;
import io.pgdispatch.auth.store.AccountStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolves an API key to its account, for the REST API and for the other services over gRPC. */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private final AccountStore accounts;

    ApiKeyAuthenticator(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The account of {@code apiKey}; fails with {@link InvalidApiKeyException} when there is none. */
    public Uni<Account> authenticate(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(ApiKeys.PREFIX)) {
            return Uni.createFrom().failure(new InvalidApiKeyException(
                "send an API key (it starts with " + ApiKeys.PREFIX + "), as returned when the account or the key"
                    + " was made"));
        }
        return accounts.findByApiKeyHash(ApiKeys.hash(apiKey))
            .map(account -> account.orElseThrow(() -> new InvalidApiKeyException(
                "the API key is not valid (or was removed): use a key returned when the account or the key was"
                    + " made")));
    }
}
