package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;

/** BackendKeyData: the process id and secret key a client must quote in a CancelRequest (protocol 3.0). */
public record BackendKeyData(int processId, int secretKey) {

    private static final int BODY_LENGTH = 8;

    public static BackendKeyData decode(Message message) {
        if (message.body().length() != BODY_LENGTH) {
            throw ProtocolException.violation("BackendKeyData of unexpected length " + message.body().length());
        }
        return new BackendKeyData(message.body().getInt(0), message.body().getInt(4));
    }

    public Buffer encode() {
        return Wire.finish(Wire.begin(MessageType.BACKEND_KEY_DATA).appendInt(processId).appendInt(secretKey));
    }
}
