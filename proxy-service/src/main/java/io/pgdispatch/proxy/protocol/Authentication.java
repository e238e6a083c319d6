package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Authentication* messages, all of type 'R' and told apart by their first Int32
 * (https://www.postgresql.org/docs/current/protocol-message-formats.html). The proxy writes the SASL ones to
 * clients and reads any of them from computes.
 *
 * @param data the rest of the body: mechanism names for SASL, SCRAM text for SASLContinue and SASLFinal
 */
public record Authentication(int kind, Buffer data) {

    public static final int OK = 0;
    public static final int CLEARTEXT_PASSWORD = 3;
    public static final int MD5_PASSWORD = 5;
    public static final int SASL = 10;
    public static final int SASL_CONTINUE = 11;
    public static final int SASL_FINAL = 12;

    public static Authentication decode(Message message) {
        Buffer body = message.body();
        if (body.length() < 4) {
            throw ProtocolException.violation("Authentication message without its kind");
        }
        return new Authentication(body.getInt(0), body.slice(4, body.length()));
    }

    public static Buffer ok() {
        return Wire.finish(Wire.begin(MessageType.AUTHENTICATION).appendInt(OK));
    }

    /** AuthenticationCleartextPassword: the client answers with a PasswordMessage. */
    public static Buffer cleartextPassword() {
        return Wire.finish(Wire.begin(MessageType.AUTHENTICATION).appendInt(CLEARTEXT_PASSWORD));
    }

    /** AuthenticationSASL: the mechanisms the server offers, most preferred first. */
    public static Buffer sasl(List<String> mechanisms) {
        Buffer frame = Wire.begin(MessageType.AUTHENTICATION).appendInt(SASL);
        mechanisms.forEach(mechanism -> Wire.appendCString(frame, mechanism));
        return Wire.finish(frame.appendByte((byte) 0));
    }

    public static Buffer saslContinue(String serverFirstMessage) {
        return Wire.finish(Wire.begin(MessageType.AUTHENTICATION).appendInt(SASL_CONTINUE)
            .appendString(serverFirstMessage, StandardCharsets.UTF_8.name()));
    }

    public static Buffer saslFinal(String serverFinalMessage) {
        return Wire.finish(Wire.begin(MessageType.AUTHENTICATION).appendInt(SASL_FINAL)
            .appendString(serverFinalMessage, StandardCharsets.UTF_8.name()));
    }

    /** The mechanism names of an AuthenticationSASL message. */
    public List<String> mechanisms() {
        List<String> names = new ArrayList<>();
        int offset = 0;
        while (offset < data.length() && data.getByte(offset) != 0) {
            String name = Wire.readCString(data, offset);
            names.add(name);
            offset += Wire.cStringLength(name);
        }
        return names;
    }

    public String text() {
        return data.toString(StandardCharsets.UTF_8);
    }
}
