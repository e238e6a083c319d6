package io.pgdispatch.proxy.protocol;

/**
 * A failure that ends a client's connection with an ErrorResponse: the SQLSTATE and a message that tells the
 * user what to do. The message is shown to the client, so it never holds a secret.
 */
public class ProtocolException extends RuntimeException {

    private final String sqlState;

    public ProtocolException(String sqlState, String message) {
        super(message, null, false, false);
        this.sqlState = sqlState;
    }

    public ProtocolException(String sqlState, String message, Throwable cause) {
        super(message, cause, false, false);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }

    public static ProtocolException violation(String message) {
        return new ProtocolException(SqlState.PROTOCOL_VIOLATION, message);
    }
}
