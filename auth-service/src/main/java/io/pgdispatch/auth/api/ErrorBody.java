package io.pgdispatch.auth.api;

/** Every error answer of the API: {"error": "what went wrong and what to do"}. */
public record ErrorBody(String error) {
}
