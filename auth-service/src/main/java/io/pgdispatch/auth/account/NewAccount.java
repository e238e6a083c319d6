package io.pgdispatch.auth.account;

/** A freshly created account with the secret of its first API key, which is never available again. */
public record NewAccount(Account account, String apiKey) {
}
