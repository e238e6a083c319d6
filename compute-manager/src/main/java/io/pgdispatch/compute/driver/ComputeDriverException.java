package io.pgdispatch.compute.driver;

/** A driver could not do what was asked; the message says why, for the caller of EnsureCompute. */
public class ComputeDriverException extends RuntimeException {

    public ComputeDriverException(String message) {
        super(message);
    }

    public ComputeDriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
