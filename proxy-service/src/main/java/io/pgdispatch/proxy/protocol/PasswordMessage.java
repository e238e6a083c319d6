package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;

/** PasswordMessage: the client's answer to AuthenticationCleartextPassword, a password as a C string. */
public record PasswordMessage(String password) {

    public static PasswordMessage decode(Message message) {
        if (message.type() != MessageType.PASSWORD) {
            throw ProtocolException.violation("expected PasswordMessage, got message type '"
                + message.typeName() + "'");
        }
        Buffer body = message.body();
        if (body.length() == 0 || body.getByte(body.length() - 1) != 0) {
            throw ProtocolException.violation("PasswordMessage without its terminating zero byte");
        }
        return new PasswordMessage(Wire.readCString(body, 0));
    }

    @Override
    public String toString() {
        return "PasswordMessage[hidden]";
    }
}
