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
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put(SEVERITY, "FATAL");
        fields.put(SEVERITY_NON_LOCALIZED, "FATAL");
        fields.put(CODE, sqlState);
        fields.put(MESSAGE, message);
        return new ErrorResponse(fields);
    }

    /** A NoticeResponse: the same fields, for a message the client shows without the connection ending. */
    public static Buffer notice(String message) {
        Buffer frame = Wire.begin(MessageType.NOTICE_RESPONSE);
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put(SEVERITY, "NOTICE");
        fields.put(SEVERITY_NON_LOCALIZED, "NOTICE");
        fields.put(CODE, SqlState.SUCCESSFUL_COMPLETION);
        fields.put(MESSAGE, message);
        fields.forEach((code, value) -> Wire.appendCString(frame.appendByte((byte) code.charValue()), value));
        return Wire.finish(frame.appendByte((byte) 0));
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
        Buffer frame = Wire.begin(MessageType.ERROR_RESPONSE);
        fields.forEach((code, value) -> Wire.appendCString(frame.appendByte((byte) code.charValue()), value));
        return Wire.finish(frame.appendByte((byte) 0));
    }
}
