package io.pgdispatch.router.cluster;

/** A change of cluster settings the API refuses; the message says what to send instead. */
public class InvalidClusterSettingsException extends RuntimeException {

    public InvalidClusterSettingsException(String message) {
        super(message);
    }
}
