package io.pgdispatch.auth.apikey;

/** A missing, malformed or unknown API key. */
public class InvalidApiKeyException extends RuntimeException {

    public InvalidApiKeyException(String message) {
        super(message);
    }
}
