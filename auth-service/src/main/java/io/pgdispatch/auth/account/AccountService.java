package io.pgdispatch.auth.account;

import io.pgdispatch.auth.InvalidInputException;
import io.pgdispatch.auth.apikey.ApiKeys;
import io.pgdispatch.auth.apikey.NewApiKey;
import io.pgdispatch.auth.store.AccountStore;
import io.pgdispatch.auth.store.ApiKeyStore;
import io.pgdispatch.auth.store.RandomIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Creates accounts, each with its first API key in the same transaction, and further keys for them. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private static final int MAX_NAME_LENGTH = 100;

    private final Pool pool;
    private final AccountStore accounts;
    private final ApiKeyStore apiKeys;

    AccountService(Pool pool, AccountStore accounts, ApiKeyStore apiKeys) {
        this.pool = pool;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
    }

    public Uni<NewAccount> create(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            return Uni.createFrom().failure(new InvalidInputException(
                "send a JSON body with \"name\": a non-empty account name of at most " + MAX_NAME_LENGTH
                    + " characters"));
        }
        String accountId = RandomIds.next('a');
        String apiKey = ApiKeys.newSecret();

        return pool.withTransaction(tx -> accounts.insert(tx, accountId, name)
                .call(() -> apiKeys.insert(tx, RandomIds.next('k'), accountId, ApiKeys.hash(apiKey))))
            .invoke(account -> LOG.infof("Created account %s", account.id()))
            .map(account -> new NewAccount(account, apiKey));
    }

    /** Makes another API key for the account, to replace one without a moment in which none works. */
    public Uni<NewApiKey> addApiKey(String accountId) {
        String id = RandomIds.next('k');
        String apiKey = ApiKeys.newSecret();
        return apiKeys.insert(id, accountId, ApiKeys.hash(apiKey))
            .invoke(created -> LOG.infof("Account %s: API key %s made", accountId, id))
            .map(created -> new NewApiKey(id, apiKey, created));
    }
}
