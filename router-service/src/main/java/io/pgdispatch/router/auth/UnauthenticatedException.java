package io.pgdispatch.router.auth;

/** The request carries no API key, or one auth-service does not know. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
