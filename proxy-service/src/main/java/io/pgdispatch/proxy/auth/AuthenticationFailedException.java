package io.pgdispatch.proxy.auth;

/**
 * A password check failed. It carries no cause on purpose: the client gets one message for an unknown role, a
 * missing or wrong password and a malformed SCRAM message alike, as from PostgreSQL, so it learns nothing about
 * which roles exist.
 */
public final class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException() {
        super("password authentication failed", null, false, false);
    }
}
