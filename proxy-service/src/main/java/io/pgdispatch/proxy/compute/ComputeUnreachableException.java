package io.pgdispatch.proxy.compute;

import io.pgdispatch.proxy.protocol.ProtocolException;

/**
 * The compute's address did not answer, or the compute closed the connection during the login: what a compute that
 * was suspended, restarted or crashed just after its address was handed out looks like. Asking for the address
 * again (which starts the compute when it is down) and connecting again can succeed.
 */
public final class ComputeUnreachableException extends ProtocolException {

    public ComputeUnreachableException(String sqlState, String message, Throwable cause) {
        super(sqlState, message, cause);
    }
}
