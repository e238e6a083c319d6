package io.pgdispatch.proxy.proxyprotocol;

import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.SSL_REQUEST;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.V2_SIGNATURE;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.ascii;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.assertInstanceOfDecoded;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.assertViolation;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgdispatch.proxy.protocol.CancelRequest;
import io.pgdispatch.proxy.protocol.GssEncRequest;
import io.pgdispatch.proxy.protocol.StartupMessage;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each listener mode makes of a connection's first bytes: PostgreSQL's first packets pass an OPTIONAL
 * listener and are refused by a REQUIRED one as soon as their first byte arrives; a header is read by both.
 */
class ListenerModeTest {

    private static final ProxyHeaderDecoder OPTIONAL = new ProxyHeaderDecoder(ProxyProtocolMode.OPTIONAL);

    static Stream<Buffer> postgresFirstPackets() {
        return Stream.of(hex(SSL_REQUEST),
            hex(SSL_REQUEST).getBuffer(0, 1),
            StartupMessage.encode(Map.of("user", "alice", "database", "shop")),
            Buffer.buffer().appendInt(8).appendInt(GssEncRequest.CODE),
            new CancelRequest(42, 7).encode());
    }

    @ParameterizedTest
    @MethodSource("postgresFirstPackets")
    void anOptionalListenerHandsPostgresBytesOnAtOnce(Buffer received) {
        assertEquals(ProxyHeaderResult.NO_HEADER, OPTIONAL.decode(received));
    }

    @ParameterizedTest
    @MethodSource("postgresFirstPackets")
    void aRequiredListenerRefusesPostgresBytesAtOnce(Buffer received) {
        assertViolation(ProxyProtocolMode.REQUIRED, received, "the connection did not start with a PROXY protocol"
            + " header, which this listener requires: connect through the load balancer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\r\n", "PROXZ", "PRX", "\r\n\r\n\0\r\nQUIZ", "\r\r"})
    void aRequiredListenerRefusesBytesThatStrayFromBothSignatures(String received) {
        assertViolation(ProxyProtocolMode.REQUIRED, ascii(received), "did not start with a PROXY protocol header");
        assertEquals(ProxyHeaderResult.NO_HEADER, OPTIONAL.decode(ascii(received)));
    }

    @ParameterizedTest
    @EnumSource(value = ProxyProtocolMode.class, names = {"OPTIONAL", "REQUIRED"})
    void bothModesWaitWhileTheBytesCouldStillBeAHeader(ProxyProtocolMode mode) {
        ProxyHeaderDecoder decoder = new ProxyHeaderDecoder(mode);

        for (String prefix : new String[] {"", "P", "PROX", "\r", "\r\n\r\n\0\r\nQUI", "\r\n\r\n\0\r\nQUIT\n!"}) {
            assertEquals(ProxyHeaderResult.NEED_MORE_BYTES, decoder.decode(ascii(prefix)), prefix);
        }
        assertInstanceOfDecoded(decoder.decode(hex(V2_SIGNATURE + "20 00 0000")));
        assertInstanceOfDecoded(decoder.decode(ascii("PROXY UNKNOWN\r\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {SSL_REQUEST, V2_SIGNATURE + "21 00 0000", "50524f585920554e4b4e4f574e0d0a"})
    void anOffListenerNeverLooks(String received) {
        assertEquals(ProxyHeaderResult.NO_HEADER, new ProxyHeaderDecoder(ProxyProtocolMode.OFF).decode(hex(received)));
    }
}
