package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ErrorResponse: a list of fields, each a one-byte code and a string
 * (https://www.postgresql.org/docs/current/protocol-error-fields.html). The proxy writes its own with severity
 * FATAL, since each ends the connection, and reads the ones a compute sends to log their SQLSTATE.
 */
public record ErrorResponse(Map<Character, String> fields) {

    public static final char SEVERITY = 'S';
    /** The severity again, never localized. */
    public static final char SEVERITY_NON_LOCALIZED = 'V';
    public static final char CODE = 'C';
    public static final char MESSAGE = 'M';
    public static final char HINT = 'H';

    public static ErrorResponse fatal(String sqlState, String message) {
        return new ErrorResponse(fields("FATAL", sqlState, message));
    }

    /** A NoticeResponse: the same fields, for a message the client shows while the connection goes on. */
    public static Buffer notice(String message) {
        return encode(MessageType.NOTICE_RESPONSE, fields("NOTICE", SqlState.SUCCESSFUL_COMPLETION, message));
    }

    private static Map<Character, String> fields(String severity, String sqlState, String message) {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put(SEVERITY, severity);
        fields.put(SEVERITY_NON_LOCALIZED, severity);
        fields.put(CODE, sqlState);
        fields.put(MESSAGE, message);
        return fields;
    }

    public static ErrorResponse decode(Message message) {
        Buffer body = message.body();
        Map<Character, String> fields = new LinkedHashMap<>();
        int offset = 0;
        while (offset < body.length() && body.getByte(offset) != 0) {
            char code = (char) body.getByte(offset);
            String value = Wire.readCString(body, offset + 1);
            fields.put(code, value);
            offset += 1 + Wire.cStringLength(value);
        }
        return new ErrorResponse(fields);
    }

    public String sqlState() {
        return fields.getOrDefault(CODE, SqlState.INTERNAL_ERROR);
    }

    public String message() {
        return fields.getOrDefault(MESSAGE, "");
    }

    public Buffer encode() {
        return encode(MessageType.ERROR_RESPONSE, fields);
    }

    private static Buffer encode(byte type, Map<Character, String> fields) {
        Buffer frame = Wire.begin(type);
        fields.forEach((code, value) -> Wire.appendCString(frame.appendByte((byte) code.charValue()), value));
        return Wire.finish(frame.appendByte((byte) 0));
    }
}
