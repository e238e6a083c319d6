package io.pgdispatch.router.auth;

/** auth-service could not be asked about an API key, so the request can be neither accepted nor refused. */
public class AuthUnavailableException extends RuntimeException {

    public AuthUnavailableException(Throwable cause) {
        super("cannot check the API key because auth-service is unreachable: try again shortly", cause);
    }
}
