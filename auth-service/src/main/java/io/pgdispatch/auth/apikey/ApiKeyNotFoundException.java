package io.pgdispatch.auth.apikey;

/** The account has no API key of that id. */
public class ApiKeyNotFoundException extends RuntimeException {

    public ApiKeyNotFoundException(String id) {
        super("API key \"" + id + "\" does not exist: GET /v1/account/api-keys lists the account's keys");
    }
}
