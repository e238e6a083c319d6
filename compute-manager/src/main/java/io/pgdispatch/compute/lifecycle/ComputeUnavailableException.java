package io.pgdispatch.compute.lifecycle;

/** A compute could not be brought up; the message is what the caller of EnsureCompute is told. */
public class ComputeUnavailableException extends RuntimeException {

    public ComputeUnavailableException(String computeId, Throwable cause) {
        super("compute " + computeId + " could not start: " + cause.getMessage(), cause);
    }
}
