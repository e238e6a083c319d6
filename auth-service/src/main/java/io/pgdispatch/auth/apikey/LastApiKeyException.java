package io.pgdispatch.auth.apikey;

/** Removing the key would leave the account without one, and so without a way in. */
public class LastApiKeyException extends RuntimeException {

    public LastApiKeyException(String id) {
        super("API key \"" + id + "\" is the account's last: make another with POST /v1/account/api-keys, then"
            + " remove this one");
    }
}
