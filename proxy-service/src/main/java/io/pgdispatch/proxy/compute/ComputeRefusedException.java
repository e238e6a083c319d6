package io.pgdispatch.proxy.compute;

import io.pgdispatch.proxy.protocol.ErrorResponse;

/** The compute answered the login with an ErrorResponse, which the client receives as it is. */
public final class ComputeRefusedException extends RuntimeException {

    private final ErrorResponse error;

    public ComputeRefusedException(ErrorResponse error) {
        super(error.sqlState() + " " + error.message(), null, false, false);
        this.error = error;
    }

    public ErrorResponse error() {
        return error;
    }
}
