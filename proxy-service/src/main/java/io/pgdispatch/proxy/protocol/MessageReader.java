package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * Cuts the bytes of one direction of a connection into packets during the handshake. A connection begins with
 * untyped startup packets (length first) and goes on with typed messages (type byte, then length); the caller
 * says which it expects. Once the handshake is over, {@link #drain} hands back whatever arrived early, so that
 * not one byte is lost when the connection switches to relaying.
 */
public final class MessageReader {

    /** PostgreSQL's own limit for a startup packet (MAX_STARTUP_PACKET_LENGTH in libpq/pqcomm.h). */
    public static final int MAX_STARTUP_PACKET_LENGTH = 10_000;

    private final int maxMessageLength;
    private Buffer pending = Buffer.buffer();

    /** @param maxMessageLength the largest typed message accepted, its header included */
    public MessageReader(int maxMessageLength) {
        this.maxMessageLength = maxMessageLength;
    }

    public void append(Buffer data) {
        pending = pending.length() == 0 ? data : pending.appendBuffer(data);
    }

    /** The next whole startup packet without its length, or null when more bytes are needed. */
    public Buffer nextStartupPacket() {
        if (pending.length() < 4) {
            return null;
        }
        int length = pending.getInt(0);
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            throw ProtocolException.violation("invalid startup packet length " + length
                + ": it must be between 8 and " + MAX_STARTUP_PACKET_LENGTH + " bytes");
        }
        if (pending.length() < length) {
            return null;
        }
        Buffer packet = pending.slice(4, length);
        consume(length);
        return packet;
    }

    /** The next whole typed message, or null when more bytes are needed. */
    public Message nextMessage() {
        if (pending.length() < Message.HEADER_LENGTH) {
            return null;
        }
        byte type = pending.getByte(0);
        int length = pending.getInt(1);
        if (length < 4 || length + 1 > maxMessageLength) {
            throw ProtocolException.violation("invalid length " + length + " of message type '"
                + (char) type + "' during the handshake");
        }
        if (pending.length() < length + 1) {
            return null;
        }
        Message message = new Message(type, pending.slice(0, length + 1));
        consume(length + 1);
        return message;
    }

    /** Bytes received but not yet read, left in the reader; the caller must not change them. */
    public Buffer unread() {
        return pending;
    }

    /** Drops the first {@code length} unread bytes, which the caller has read through {@link #unread}. */
    public void skip(int length) {
        consume(length);
    }

    /** Bytes received but not yet read; the reader is empty afterwards. */
    public Buffer drain() {
        Buffer rest = pending;
        pending = Buffer.buffer();
        return rest;
    }

    /** Number of bytes received but not yet read. */
    public int length() {
        return pending.length();
    }

    public boolean isEmpty() {
        return pending.length() == 0;
    }

    private void consume(int length) {
        // A copy, not a slice: the packet just handed out must not share bytes that the next append overwrites.
        pending = pending.getBuffer(length, pending.length());
    }
}
