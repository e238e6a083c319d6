package io.pgdispatch.auth.account;

import io.grpc.Status;
import io.pgdispatch.auth.InvalidInputException;
import io.pgdispatch.auth.apikey.ApiKeys;
import io.pgdispatch.auth.apikey.NewApiKey;
import io.pgdispatch.auth.role.RoleEvents;
import io.pgdispatch.auth.store.AccountStore;
import io.pgdispatch.auth.store.ApiKeyStore;
import io.pgdispatch.auth.store.RandomIds;
import io.pgdispatch.auth.store.RoleStore;
import io.pgdispatch.contract.router.v1.DeleteAccountClustersRequest;
import io.pgdispatch.contract.router.v1.RouterService;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Creates accounts, each with its first API key in the same transaction, further keys for them, and deletes them. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private static final int MAX_NAME_LENGTH = 100;

    private final Pool pool;
    private final AccountStore accounts;
    private final ApiKeyStore apiKeys;
    private final RoleStore roles;
    private final RoleEvents roleEvents;
    private final RouterService router;

    AccountService(Pool pool, AccountStore accounts, ApiKeyStore apiKeys, RoleStore roles, RoleEvents roleEvents,
            @GrpcClient("router") RouterService router) {
        this.pool = pool;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.roles = roles;
        this.roleEvents = roleEvents;
        this.router = router;
    }

    /**
     * Deletes an account: its clusters first, through router-service (each with its branches' computes, data and
     * history, and its endpoints), then the account with its API keys, roles, login identities and link sessions.
     * Each removed role is announced, so that proxies forget its verifier. Fails with
     * AccountDeletionFailedException when router-service cannot delete every cluster; the account then stays.
     */
    public Uni<Void> delete(String accountId) {
        return router.deleteAccountClusters(DeleteAccountClustersRequest.newBuilder().setAccountId(accountId).build())
            .onFailure().transform(failure -> new AccountDeletionFailedException(accountId,
                Status.fromThrowable(failure).getDescription(), failure))
            .chain(deleted -> roles.list(accountId)
                .call(() -> accounts.delete(accountId))
                .invoke(removed -> {
                    removed.forEach(role -> roleEvents.changed(accountId, role.name()));
                    LOG.infof("Deleted account %s with %d clusters and %d roles", accountId,
                        deleted.getDeletedClusters(), removed.size());
                }))
            .replaceWithVoid();
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
