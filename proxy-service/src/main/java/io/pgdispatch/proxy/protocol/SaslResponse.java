package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** SASLResponse: a later SASL message from the client (for SCRAM, client-final). */
public record SaslResponse(String data) {

    public static SaslResponse decode(Message message) {
        if (message.type() != MessageType.PASSWORD) {
            throw ProtocolException.violation("expected SASLResponse, got message type '"
                + message.typeName() + "'");
        }
        return new SaslResponse(message.body().toString(StandardCharsets.UTF_8));
    }

    public Buffer encode() {
        return Wire.finish(Wire.begin(MessageType.PASSWORD).appendString(data, StandardCharsets.UTF_8.name()));
    }
}
