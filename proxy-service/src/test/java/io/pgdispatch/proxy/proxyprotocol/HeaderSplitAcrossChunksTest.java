package io.pgdispatch.proxy.proxyprotocol;

import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.SSL_REQUEST;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.V2_SIGNATURE;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.ascii;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.assertInstanceOfDecoded;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * However the network cuts a header into chunks, the decoder waits until it is whole, takes exactly its bytes, and
 * leaves what follows (here the client's SSLRequest) to PostgreSQL as it was sent.
 */
class HeaderSplitAcrossChunksTest {

    private static final ProxyHeaderDecoder DECODER = new ProxyHeaderDecoder(ProxyProtocolMode.OPTIONAL);

    static Stream<Arguments> headers() {
        return Stream.of(
            Arguments.of("v1 TCP4", ascii("PROXY TCP4 198.51.100.22 10.0.0.2 35646 4432\r\n")),
            Arguments.of("v1 TCP6", ascii("PROXY TCP6 2001:db8::22 2001:db8::2 35646 4432\r\n")),
            Arguments.of("v1 UNKNOWN", ascii("PROXY UNKNOWN\r\n")),
            Arguments.of("v2 TCP4 with a VPC endpoint", ProxyHeaderV2.encode(
                new InetSocketAddress("198.51.100.22", 35646), new InetSocketAddress("10.0.0.2", 4432),
                Optional.of("vpce-0123456789abcdef0"))),
            Arguments.of("v2 TCP6", ProxyHeaderV2.encode(new InetSocketAddress("2001:db8::22", 35646),
                new InetSocketAddress("2001:db8::2", 4432), Optional.empty())),
            Arguments.of("v2 LOCAL", hex(V2_SIGNATURE + "20 00 0000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void waitsForEveryMissingByte(String name, Buffer header) {
        Buffer stream = header.copy().appendBuffer(hex(SSL_REQUEST));
        ProxyHeaderResult.Decoded whole = assertInstanceOfDecoded(DECODER.decode(stream));

        for (int received = 0; received < header.length(); received++) {
            assertEquals(ProxyHeaderResult.NEED_MORE_BYTES, DECODER.decode(stream.getBuffer(0, received)),
                received + " bytes");
        }
        for (int received = header.length(); received <= stream.length(); received++) {
            assertEquals(whole, DECODER.decode(stream.getBuffer(0, received)), received + " bytes");
        }
        assertEquals(header.length(), whole.length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void handsOnTheBytesAfterTheHeaderUntouched(String name, Buffer header) {
        Buffer stream = header.copy().appendBuffer(hex(SSL_REQUEST)).appendString("early data");

        for (int cut = 0; cut <= stream.length(); cut++) {
            Buffer received = stream.getBuffer(0, cut);
            ProxyHeaderResult first = DECODER.decode(received);
            received.appendBuffer(stream.getBuffer(cut, stream.length()));
            ProxyHeaderResult.Decoded decoded = assertInstanceOfDecoded(DECODER.decode(received));

            assertEquals(cut < header.length() ? ProxyHeaderResult.NEED_MORE_BYTES : decoded, first, "cut at " + cut);
            assertEquals(stream, received, "the decoder leaves the received bytes alone");
            assertEquals(hex(SSL_REQUEST).appendString("early data"),
                received.getBuffer(decoded.length(), received.length()), "cut at " + cut);
        }
    }
}
