package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * CancelRequest: sent on a new connection with the process id and secret key that BackendKeyData gave the
 * session to cancel. The server never answers it; it closes the connection.
 */
public record CancelRequest(int processId, int secretKey) implements StartupPacket {

    /** 1234 in the high 16 bits and 5678 in the low 16 bits. */
    public static final int CODE = 80877102;
    /** Code, process id and key, without the length word. */
    private static final int BODY_LENGTH = 12;

    static CancelRequest decode(Buffer packet) {
        if (packet.length() != BODY_LENGTH) {
            throw ProtocolException.violation("invalid CancelRequest of " + (packet.length() + 4) + " bytes");
        }
        return new CancelRequest(packet.getInt(4), packet.getInt(8));
    }

    public Buffer encode() {
        return Wire.finishPacket(Wire.beginPacket().appendInt(CODE).appendInt(processId).appendInt(secretKey));
    }
}
