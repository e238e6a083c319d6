package io.pgdispatch.router.compute;

/** No compute address could be had for a target; {@code timedOut} tells a slow start from a failed one. */
public class ComputeUnavailableException extends RuntimeException {

    private final boolean timedOut;

    public ComputeUnavailableException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
