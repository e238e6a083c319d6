package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** SASLInitialResponse: the mechanism the client chose and its first message (for SCRAM, client-first). */
public record SaslInitialResponse(String mechanism, String data) {

    public static SaslInitialResponse decode(Message message) {
        if (message.type() != MessageType.PASSWORD) {
            throw ProtocolException.violation("expected SASLInitialResponse, got message type '"
                + message.typeName() + "'");
        }
        Buffer body = message.body();
        String mechanism = Wire.readCString(body, 0);
        int offset = Wire.cStringLength(mechanism);
        if (body.length() < offset + 4) {
            throw ProtocolException.violation("SASLInitialResponse ends before its data length");
        }
        int length = body.getInt(offset);
        offset += 4;
        if (length < 0) {
            return new SaslInitialResponse(mechanism, "");
        }
        if (length != body.length() - offset) {
            throw ProtocolException.violation("SASLInitialResponse data length " + length + " does not match");
        }
        return new SaslInitialResponse(mechanism, body.getString(offset, body.length(), "UTF-8"));
    }

    public Buffer encode() {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        Buffer frame = Wire.appendCString(Wire.begin(MessageType.PASSWORD), mechanism);
        return Wire.finish(frame.appendInt(bytes.length).appendBytes(bytes));
    }
}
