package io.pgdispatch.router.api;

/** Every error of the management API: one message that tells the caller what to do. */
public record ErrorBody(String error) {
}
