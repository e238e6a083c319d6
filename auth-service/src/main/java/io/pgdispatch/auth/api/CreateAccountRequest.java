package io.pgdispatch.auth.api;

/** Body of POST /v1/accounts. */
public record CreateAccountRequest(String name) {
}
