package io.pgdispatch.auth.account;

/**
 * router-service could not delete every cluster of an account that is being deleted. The account is kept, with
 * the clusters deleted so far gone; deleting it again finishes the work.
 */
public class AccountDeletionFailedException extends RuntimeException {

    public AccountDeletionFailedException(String accountId, String reason, Throwable cause) {
        super("account " + accountId + " was not deleted: its clusters could not all be deleted (" + reason
            + "); the account and its API keys still work: delete it again", cause);
    }
}
