package io.pgdispatch.router.cluster;

/** A cluster name the API refuses; the message says what a valid one looks like. */
public class InvalidClusterNameException extends RuntimeException {

    public InvalidClusterNameException() {
        super("the cluster name must be 1 to " + ClusterName.MAX_LENGTH
            + " printable characters, for example \"demo\"");
    }
}
