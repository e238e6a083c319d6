package io.pgdispatch.proxy.protocol;

/**
 * The type bytes of the protocol messages the proxy reads or writes during a handshake
 * (https://www.postgresql.org/docs/current/protocol-message-formats.html). After the handshake the proxy
 * relays messages without looking at them.
 */
public final class MessageType {

    /** Authentication request of any kind, from the server; the kind is the first Int32 of the body. */
    public static final byte AUTHENTICATION = 'R';
    public static final byte BACKEND_KEY_DATA = 'K';
    public static final byte ERROR_RESPONSE = 'E';
    public static final byte NEGOTIATE_PROTOCOL_VERSION = 'v';
    public static final byte NOTICE_RESPONSE = 'N';
    public static final byte PARAMETER_STATUS = 'S';
    public static final byte READY_FOR_QUERY = 'Z';
    /** PasswordMessage, SASLInitialResponse and SASLResponse, from the client: one type byte for all three. */
    public static final byte PASSWORD = 'p';
    public static final byte TERMINATE = 'X';

    private MessageType() {
    }
}
