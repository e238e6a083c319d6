package io.pgdispatch.router.endpoint;

/** A setting of an endpoint request the API refuses; the message names the value and what to write instead. */
public class InvalidEndpointSettingsException extends RuntimeException {

    public InvalidEndpointSettingsException(String message) {
        super(message);
    }
}
