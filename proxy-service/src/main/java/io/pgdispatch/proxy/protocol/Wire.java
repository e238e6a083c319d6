package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** The primitives of the wire format: null-terminated strings and length-prefixed frames. */
public final class Wire {

    private Wire() {
    }

    /** Reads the null-terminated UTF-8 string that starts at {@code offset}, or fails when it has no end. */
    public static String readCString(Buffer buffer, int offset) {
        for (int end = offset; end < buffer.length(); end++) {
            if (buffer.getByte(end) == 0) {
                return buffer.getString(offset, end, StandardCharsets.UTF_8.name());
            }
        }
        throw ProtocolException.violation("a string in the message has no terminating zero byte");
    }

    /** Length on the wire of a string read by {@link #readCString}, terminator included. */
    public static int cStringLength(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length + 1;
    }

    public static Buffer appendCString(Buffer buffer, String value) {
        return buffer.appendString(value, StandardCharsets.UTF_8.name()).appendByte((byte) 0);
    }

    /** Starts a typed frame; {@link #finish} fills in the length once the body is written. */
    public static Buffer begin(byte type) {
        return Buffer.buffer(64).appendByte(type).appendInt(0);
    }

    /** Writes a typed frame's Int32 length, which counts itself but not the type byte. */
    public static Buffer finish(Buffer frame) {
        return frame.setInt(1, frame.length() - 1);
    }

    /** Starts an untyped startup-phase packet (StartupMessage, CancelRequest) for {@link #finishPacket}. */
    public static Buffer beginPacket() {
        return Buffer.buffer(64).appendInt(0);
    }

    /** Writes an untyped packet's Int32 length, which counts the whole packet. */
    public static Buffer finishPacket(Buffer packet) {
        return packet.setInt(0, packet.length());
    }
}
