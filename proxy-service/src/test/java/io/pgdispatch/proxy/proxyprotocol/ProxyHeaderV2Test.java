package io.pgdispatch.proxy.proxyprotocol;

import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.V2_SIGNATURE;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.address;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.assertViolation;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.decodeWhole;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Version 2 headers as load balancers write them, the TLVs after the addresses, and headers no sender may write. */
class ProxyHeaderV2Test {

    /** TCP over IPv4 from 192.168.0.1:56324 to 192.168.0.11:443, 12 bytes of addresses. */
    private static final String TCP4 = V2_SIGNATURE + " 21 11 000c c0a80001 c0a8000b dc04 01bb";
    /** AWS's TLV naming VPC endpoint vpce-08d2bf15fac5001c9: type, length 23, subtype 1, the id in ASCII. */
    private static final String AWS_VPCE = "ea 0017 01 767063652d3038643262663135666163353030316339";

    @Test
    void decodesTcpOverIpv4() {
        ProxyHeader header = decodeWhole(hex(TCP4)).header();

        assertEquals(new ProxyHeader(2, ProxyCommand.PROXY, address("192.168.0.1", 56324),
            address("192.168.0.11", 443), List.of()), header);
    }

    @Test
    void decodesTcpOverIpv6() {
        ProxyHeader header = decodeWhole(hex(V2_SIGNATURE + " 21 21 0024"
            + " 20010db8000000000000000000000001 20010db8000000000000000000000002 04d2 1538")).header();

        assertEquals(new ProxyHeader(2, ProxyCommand.PROXY, address("2001:db8::1", 1234),
            address("2001:db8::2", 5432), List.of()), header);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20 00 0000                           | a health check with nothing after the header",
        "20 11 000c c0a80001 c0a8000b dc04 01bb | a health check that describes the balancer's own connection",
        "20 ff 0003 aabbcc                    | a health check whose block is skipped unread, family and all",
    })
    void localIsAHealthCheckWithoutAClient(String afterSignature, String meaning) {
        ProxyHeader header = decodeWhole(hex(V2_SIGNATURE + afterSignature)).header();

        assertEquals(new ProxyHeader(2, ProxyCommand.LOCAL, Optional.empty(), Optional.empty(), List.of()), header,
            meaning);
    }

    /** UNSPEC, UNIX and UDP: the addresses, if any, are skipped and what follows them is read. */
    static Stream<Arguments> headersWithoutTcpAddresses() {
        String unixPaths = "00".repeat(2 * 108);
        String inetAddresses = "c0a80001 c0a8000b dc04 01bb";
        String noop = "04 0004 00000000";
        return Stream.of(
            Arguments.of("21 00 0000", 0),
            Arguments.of("21 00 0007" + noop, 1),
            Arguments.of("21 31 00d8" + unixPaths, 0),
            Arguments.of("21 32 00df" + unixPaths + noop, 1),
            Arguments.of("21 12 0013" + inetAddresses + noop, 1),
            Arguments.of("21 22 0024" + "00".repeat(36), 0));
    }

    @ParameterizedTest
    @MethodSource("headersWithoutTcpAddresses")
    void otherFamiliesAndTransportsCarryNoAddresses(String afterSignature, int tlvCount) {
        ProxyHeader header = decodeWhole(hex(V2_SIGNATURE + afterSignature)).header();

        assertEquals(ProxyCommand.PROXY, header.command());
        assertEquals(Optional.empty(), header.source());
        assertEquals(Optional.empty(), header.destination());
        assertEquals(tlvCount, header.tlvs().size());
    }

    @Test
    void readsTheVpcEndpointIdAndKeepsEveryTlv() {
        String alpn = "01 0002 6832";
        String unknown = "e0 0000";
        ProxyHeader header = decodeWhole(withLength(TCP4, alpn + AWS_VPCE + unknown)).header();

        assertEquals(Optional.of("vpce-08d2bf15fac5001c9"), header.vpcEndpointId());
        assertEquals(List.of(new ProxyTlv(0x01, Buffer.buffer("h2")), new ProxyTlv(0xEA, hex(AWS_VPCE.substring(8))),
            new ProxyTlv(0xE0, Buffer.buffer())), header.tlvs());
        assertEquals(address("192.168.0.1", 56324), header.source());
    }

    @Test
    void anAwsTlvOfAnotherSubtypeNamesNoEndpoint() {
        ProxyHeader header = decodeWhole(withLength(TCP4, "ea 0003 02 6869")).header();

        assertEquals(Optional.empty(), header.vpcEndpointId());
        assertEquals(1, header.tlvs().size());
    }

    @Test
    void acceptsACorrectCrc32cAndRefusesAnyChangedByte() {
        Buffer header = withLength(TCP4, AWS_VPCE + "03 0004 00000000");
        CRC32C crc = new CRC32C();
        crc.update(header.getBytes());
        header.setUnsignedInt(header.length() - 4, crc.getValue());

        assertEquals(Optional.of("vpce-08d2bf15fac5001c9"), decodeWhole(header).header().vpcEndpointId());
        int addresses = ProxyHeaderV2.FIXED_LENGTH;
        int checksum = header.length() - 4;
        for (int i : new int[] {addresses, addresses + 11, addresses + 12 + 10, checksum, checksum + 3}) {
            Buffer changed = header.copy().setUnsignedByte(i, (short) (header.getUnsignedByte(i) ^ 0x01));
            assertViolation(ProxyProtocolMode.OPTIONAL, changed, "does not match its CRC32c checksum");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "11 11 000c c0a80001 c0a8000b dc04 01bb | has version 1: expected version 2",
        "31 11 000c c0a80001 c0a8000b dc04 01bb | has version 3: expected version 2",
        "22 11 000c c0a80001 c0a8000b dc04 01bb | has command 2: expected 0 (LOCAL) or 1 (PROXY)",
        "2f 11 000c c0a80001 c0a8000b dc04 01bb | has command 15",
        "21 41 000c c0a80001 c0a8000b dc04 01bb | family and transport 0x41: expected one that the specification",
        "21 13 000c c0a80001 c0a8000b dc04 01bb | family and transport 0x13",
        "21 01 0000                             | family and transport 0x01",
        "21 10 000c c0a80001 c0a8000b dc04 01bb | family and transport 0x10",
        "21 11 0008 c0a80001 c0a8000b           | declares 8 bytes after its first 16, too few for the 12 bytes",
        "21 21 000c c0a80001 c0a8000b dc04 01bb | too few for the 36 bytes",
        "21 31 0024                             | too few for the 216 bytes",
        "21 11 0ff1                             | is 4097 bytes long: expected at most 4096 bytes",
        "20 00 ffff                             | is 65551 bytes long",
        "21 11 000e c0a80001 c0a8000b dc04 01bb ea00 | ends 2 bytes into a TLV",
        "21 11 000f c0a80001 c0a8000b dc04 01bb ea0010 | TLV of type 0xea declares 16 bytes but only 0 remain",
        "21 00 0005 04 0003 0000                | TLV of type 0x04 declares 3 bytes but only 2 remain",
        "21 00 0005 03 0002 0000                | CRC32c TLV has 2 bytes: expected 4",
        "21 00 0004 ea 0001 01                  | AWS VPC endpoint id that is empty or not printable",
        "21 00 0006 ea 0003 01 41ff             | AWS VPC endpoint id that is empty or not printable",
        "21 00 0006 ea 0003 01 4120             | AWS VPC endpoint id that is empty or not printable",
        "21 00 000a ea 0002 01 41 ea 0002 01 42 | names 2 AWS VPC endpoints: expected at most one",
    })
    void refusesMalformedHeaders(String afterSignature, String expected) {
        assertViolation(ProxyProtocolMode.OPTIONAL, hex(V2_SIGNATURE + afterSignature), expected);
    }

    @Test
    void encodesWhatItDecodes() {
        InetSocketAddress client = new InetSocketAddress("203.0.113.7", 50_000);
        InetSocketAddress proxy = new InetSocketAddress("10.0.0.2", 4432);
        Buffer withEndpoint = ProxyHeaderV2.encode(client, proxy, Optional.of("vpce-08d2bf15fac5001c9"));

        assertEquals(withLength(V2_SIGNATURE + " 21 11 000c cb007107 0a000002 c350 1150", AWS_VPCE), withEndpoint);
        ProxyHeader header = decodeWhole(withEndpoint).header();
        assertEquals(Optional.of(client), header.source());
        assertEquals(Optional.of(proxy), header.destination());
        assertEquals(Optional.of("vpce-08d2bf15fac5001c9"), header.vpcEndpointId());

        InetSocketAddress client6 = new InetSocketAddress("2001:db8::7", 1);
        InetSocketAddress proxy6 = new InetSocketAddress("::1", 4432);
        ProxyHeader plain = decodeWhole(ProxyHeaderV2.encode(client6, proxy6, Optional.empty())).header();
        assertEquals(new ProxyHeader(2, ProxyCommand.PROXY, Optional.of(client6), Optional.of(proxy6), List.of()),
            plain);
    }

    @Test
    void theEncoderRefusesWhatNoReceiverCouldRead() {
        InetSocketAddress ipv4 = new InetSocketAddress("127.0.0.1", 1);
        InetSocketAddress ipv6 = new InetSocketAddress("::1", 1);

        assertThrows(IllegalArgumentException.class, () -> ProxyHeaderV2.encode(ipv4, ipv6, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
            () -> ProxyHeaderV2.encode(InetSocketAddress.createUnresolved("db", 1), ipv4, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
            () -> ProxyHeaderV2.encode(ipv4, ipv4, Optional.of("vpce-\u00e9")));
        assertThrows(IllegalArgumentException.class,
            () -> ProxyHeaderV2.encode(ipv4, ipv4, Optional.of("v".repeat(ProxyHeaderV2.MAX_LENGTH))));
    }

    /** A header from its fixed part and addresses, with {@code tlvs} appended and the length field made to fit. */
    private static Buffer withLength(String fixedAndAddresses, String tlvs) {
        Buffer header = hex(fixedAndAddresses).appendBuffer(hex(tlvs));
        return header.setUnsignedShort(14, header.length() - ProxyHeaderV2.FIXED_LENGTH);
    }
}
