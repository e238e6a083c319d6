package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * One typed protocol message as it came off the wire: the type byte, the Int32 length and the body. The whole
 * frame is kept so that messages the proxy passes on (ParameterStatus, NoticeResponse) go out unchanged.
 */
public record Message(byte type, Buffer frame) {

    /** Type byte plus the Int32 length. */
    public static final int HEADER_LENGTH = 5;

    public Buffer body() {
        return frame.slice(HEADER_LENGTH, frame.length());
    }

    public String typeName() {
        return Character.toString((char) type);
    }
}
