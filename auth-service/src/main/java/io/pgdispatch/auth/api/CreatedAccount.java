package io.pgdispatch.auth.api;

/** Answer of POST /v1/accounts: the only time the API key is shown. */
public record CreatedAccount(String id, String name, String apiKey) {
}
