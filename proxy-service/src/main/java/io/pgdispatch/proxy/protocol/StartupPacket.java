package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * The first packet of a connection, told apart by its first Int32: a protocol version, or one of the request
 * codes PostgreSQL reserves for SSLRequest, GSSENCRequest and CancelRequest
 * (https://www.postgresql.org/docs/current/protocol-message-formats.html).
 */
public sealed interface StartupPacket permits SslRequest, GssEncRequest, CancelRequest, StartupMessage {

    /** Decodes a packet given without its length word. */
    static StartupPacket decode(Buffer packet) {
        int code = packet.getInt(0);
        return switch (code) {
            case SslRequest.CODE -> SslRequest.INSTANCE;
            case GssEncRequest.CODE -> GssEncRequest.INSTANCE;
            case CancelRequest.CODE -> CancelRequest.decode(packet);
            default -> StartupMessage.decode(packet);
        };
    }
}
