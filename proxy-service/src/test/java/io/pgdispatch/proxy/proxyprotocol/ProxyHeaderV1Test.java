package io.pgdispatch.proxy.proxyprotocol;

import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.address;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.ascii;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.assertViolation;
import static io.pgdispatch.proxy.proxyprotocol.HeaderBytes.decodeWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Version 1 lines as load balancers write them, and lines no sender may write. */
class ProxyHeaderV1Test {

    private static final String LONGEST_IPV6 = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443 | 192.168.0.1                 | 56324 | 192.168.0.11  | 443",
        "PROXY TCP4 0.0.0.0 255.255.255.255 0 65535    | 0.0.0.0                     | 0     | 255.255.255.255 | 65535",
        "PROXY TCP6 2001:db8::1 2001:db8::2 1234 5432  | 2001:db8::1                 | 1234  | 2001:db8::2   | 5432",
        "PROXY TCP6 :: ::1 1 2                         | ::                          | 1     | ::1           | 2",
        "PROXY TCP6 1:2:3:4:5:6:7:8 1:: 1 2            | 1:2:3:4:5:6:7:8             | 1     | 1::           | 2",
        "PROXY TCP6 ABCD:ef01::7 ::1 1 2               | abcd:ef01::7                | 1     | ::1           | 2",
        "PROXY TCP6 64:ff9b::192.0.2.33 ::1 1 2        | 64:ff9b::c000:221           | 1     | ::1           | 2",
        "PROXY TCP6 ::ffff:10.0.0.7 ::1 1 2            | 10.0.0.7                    | 1     | ::1           | 2",
    })
    void decodesTcpOverIpv4AndIpv6(String line, String source, int sourcePort, String destination,
        int destinationPort) {
        ProxyHeader header = decodeWhole(ascii(line + "\r\n")).header();

        assertEquals(new ProxyHeader(1, ProxyCommand.PROXY, address(source, sourcePort),
            address(destination, destinationPort), List.of()), header);
        assertEquals(Optional.empty(), header.vpcEndpointId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PROXY UNKNOWN",
        "PROXY UNKNOWN whatever the sender put here, up to the line's end",
        "PROXY UNKNOWN " + LONGEST_IPV6 + " " + LONGEST_IPV6 + " 65535 65535",
    })
    void unknownCarriesNoAddresses(String line) {
        ProxyHeader header = decodeWhole(ascii(line + "\r\n")).header();

        assertEquals(new ProxyHeader(1, ProxyCommand.PROXY, Optional.empty(), Optional.empty(), List.of()), header);
    }

    /** CR, LF and tab are written as backslash escapes: the CSV source would trim or split on them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 2\\n              | a LF alone",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 2\\rX              | a CR that is not followed by LF",
        "PROXY TCP4 1.2.3.4\\t5.6.7.8 1 2\\r\\n           | byte 0x09 at offset 18",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 2\u00e9\\r\\n      | byte 0xe9 at offset 30",
        "PROXY\\r\\n                                     | does not start with \"PROXY \"",
        "PROXYTCP4 1.2.3.4 5.6.7.8 1 2\\r\\n             | does not start with \"PROXY \"",
        "PROXY TCP5 1.2.3.4 5.6.7.8 1 2\\r\\n            | protocol \"TCP5\": expected TCP4, TCP6 or UNKNOWN",
        "PROXY  TCP4 1.2.3.4 5.6.7.8 1 2\\r\\n           | names the protocol \"\"",
        "PROXY tcp4 1.2.3.4 5.6.7.8 1 2\\r\\n            | names the protocol \"tcp4\"",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1\\r\\n              | 5 space-separated fields, not 6",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 2 \\r\\n           | 7 space-separated fields, not 6",
        "PROXY TCP4 256.2.3.4 5.6.7.8 1 2\\r\\n          | source address \"256.2.3.4\" of the PROXY protocol v1",
        "PROXY TCP4 1.2.3 5.6.7.8 1 2\\r\\n              | source address \"1.2.3\"",
        "PROXY TCP4 1.2.3.4. 5.6.7.8 1 2\\r\\n           | source address \"1.2.3.4.\"",
        "PROXY TCP4 1.2.3.+4 5.6.7.8 1 2\\r\\n           | source address \"1.2.3.+4\"",
        "PROXY TCP4 localhost 5.6.7.8 1 2\\r\\n          | source address \"localhost\"",
        "PROXY TCP4 1.2.3.4 ::1 1 2\\r\\n                | destination address \"::1\" of the PROXY protocol v1 header"
            + " is not an IPv4 address in text form, which TCP4 requires",
        "PROXY TCP6 1.2.3.4 ::1 1 2\\r\\n                | not an IPv6 address in text form, which TCP6 requires",
        "PROXY TCP6 ::1 1::2::3 1 2\\r\\n                | destination address \"1::2::3\"",
        "PROXY TCP6 ::1 ::: 1 2\\r\\n                    | destination address \":::\"",
        "PROXY TCP6 fe80::1%eth0 ::1 1 2\\r\\n           | source address \"fe80::1%eth0\"",
        "PROXY TCP6 12345::1 ::1 1 2\\r\\n               | source address \"12345::1\"",
        "PROXY TCP6 1:2:3:4:5:6:7 ::1 1 2\\r\\n          | source address \"1:2:3:4:5:6:7\"",
        "PROXY TCP6 1:2:3:4:5:6:7:8:9 ::1 1 2\\r\\n      | source address \"1:2:3:4:5:6:7:8:9\"",
        "PROXY TCP6 1:2:3:4::5:6:7:8 ::1 1 2\\r\\n       | source address \"1:2:3:4::5:6:7:8\"",
        "PROXY TCP6 :1:2:3:4:5:6:7 ::1 1 2\\r\\n         | source address \":1:2:3:4:5:6:7\"",
        "PROXY TCP6 1.2.3.4::1 ::1 1 2\\r\\n             | source address \"1.2.3.4::1\"",
        "PROXY TCP6 g::1 ::1 1 2\\r\\n                   | source address \"g::1\"",
        "PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\\r\\n        | source port \"65536\" of the PROXY protocol v1 header"
            + " is not a decimal number from 0 to 65535",
        "PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\\r\\n           | source port \"-1\"",
        "PROXY TCP4 1.2.3.4 5.6.7.8 +1 2\\r\\n           | source port \"+1\"",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 0x10\\r\\n         | destination port \"0x10\"",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 000001\\r\\n       | destination port \"000001\"",
    })
    void refusesMalformedLines(String line, String expected) {
        String unescaped = line.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
        assertViolation(ProxyProtocolMode.OPTIONAL, ascii(unescaped), expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {106, 107, 200})
    void refusesALineLongerThanTheSpecificationAllows(int received) {
        String longest = "PROXY UNKNOWN " + LONGEST_IPV6 + " " + LONGEST_IPV6 + " 65535 65535";
        String tooLong = "PROXY UNKNOWN " + LONGEST_IPV6 + " " + LONGEST_IPV6 + " 65535 655350\r\n";
        assertEquals(105, longest.length(), "the longest line fills 107 bytes with its CRLF");

        assertViolation(ProxyProtocolMode.REQUIRED, ascii((tooLong + "x".repeat(200)).substring(0, received)),
            "no CRLF within its first 107 bytes");
    }
}
