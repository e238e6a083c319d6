package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StartupMessage: the protocol version and the connection parameters (user, database, options and any run-time
 * setting). Parameters named {@code _pq_.*} are protocol extensions; the proxy knows none and reports them back
 * with NegotiateProtocolVersion, as PostgreSQL does.
 */
public record StartupMessage(int majorVersion, int minorVersion, Map<String, String> parameters)
    implements StartupPacket {

    /** Version 3.0, the only one the proxy speaks. */
    public static final int MAJOR_VERSION = 3;
    public static final int MINOR_VERSION = 0;
    public static final String PROTOCOL_EXTENSION_PREFIX = "_pq_.";

    public StartupMessage {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static StartupMessage decode(Buffer packet) {
        int version = packet.getInt(0);
        int major = version >>> 16;
        int minor = version & 0xFFFF;
        if (major != MAJOR_VERSION) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol "
                + major + "." + minor + ": the server supports 3.0; upgrade the client library");
        }
        if (packet.getByte(packet.length() - 1) != 0) {
            throw ProtocolException.violation("invalid startup packet layout: expected terminator as last byte");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int offset = 4;
        while (offset < packet.length() - 1) {
            String name = Wire.readCString(packet, offset);
            offset += Wire.cStringLength(name);
            if (offset >= packet.length() - 1) {
                throw ProtocolException.violation("invalid startup packet layout: parameter \"" + name
                    + "\" has no value");
            }
            String value = Wire.readCString(packet, offset);
            offset += Wire.cStringLength(value);
            if (parameters.putIfAbsent(name, value) != null) {
                throw ProtocolException.violation("startup parameter \"" + name + "\" is given twice");
            }
        }
        return new StartupMessage(major, minor, parameters);
    }

    public String user() {
        return parameters.get("user");
    }

    /** The database; like PostgreSQL, the user name when none is given. */
    public String database() {
        return parameters.getOrDefault("database", user());
    }

    /** A version 3.0 message with these parameters, for the compute. */
    public static Buffer encode(Map<String, String> parameters) {
        Buffer packet = Wire.beginPacket().appendInt(MAJOR_VERSION << 16 | MINOR_VERSION);
        parameters.forEach((name, value) -> Wire.appendCString(Wire.appendCString(packet, name), value));
        return Wire.finishPacket(packet.appendByte((byte) 0));
    }
}
