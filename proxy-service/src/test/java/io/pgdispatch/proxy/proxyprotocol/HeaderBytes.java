package io.pgdispatch.proxy.proxyprotocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import io.vertx.core.buffer.Buffer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/** Bytes and assertions shared by the PROXY protocol tests. */
final class HeaderBytes {

    /** The version 2 signature, as the specification spells it. */
    static final String V2_SIGNATURE = "0d0a0d0a000d0a515549540a";
    /** An SSLRequest: length 8, then 1234 and 5679 in two 16-bit halves. */
    static final String SSL_REQUEST = "0000000804d2162f";

    private HeaderBytes() {
    }

    /** Bytes from hex digits; spaces are only there to show the fields. */
    static Buffer hex(String digits) {
        return Buffer.buffer(HexFormat.of().parseHex(digits.replace(" ", "")));
    }

    static Buffer ascii(String text) {
        return Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An address from a literal, which the JDK parses without a name lookup. */
    static Optional<InetSocketAddress> address(String literal, int port) {
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByName(literal), port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static ProxyHeaderResult.Decoded decodeWhole(Buffer received) {
        ProxyHeaderResult result = new ProxyHeaderDecoder(ProxyProtocolMode.REQUIRED).decode(received);
        ProxyHeaderResult.Decoded decoded = assertInstanceOfDecoded(result);
        assertEquals(received.length(), decoded.length(), "the header takes every byte");
        return decoded;
    }

    static ProxyHeaderResult.Decoded assertInstanceOfDecoded(ProxyHeaderResult result) {
        assertTrue(result instanceof ProxyHeaderResult.Decoded, () -> "expected a header, got " + result);
        return (ProxyHeaderResult.Decoded) result;
    }

    static void assertViolation(ProxyProtocolMode mode, Buffer received, String expected) {
        ProtocolException error = assertThrows(ProtocolException.class,
            () -> new ProxyHeaderDecoder(mode).decode(received));
        assertEquals(SqlState.PROTOCOL_VIOLATION, error.sqlState());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
