package io.pgdispatch.proxy.proxyprotocol;

import io.pgdispatch.proxy.protocol.ProtocolException;
import io.vertx.core.buffer.Buffer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The human-readable header of version 1 (proxy-protocol.txt, section 2.1): one line of US-ASCII,
 * {@code PROXY TCP4|TCP6 <source> <destination> <source port> <destination port>\r\n}, or {@code PROXY UNKNOWN}
 * followed by anything up to the CRLF.
 */
final class ProxyHeaderV1 {

    /** "PROXY", the first five bytes of every version 1 header. */
    static final byte[] SIGNATURE = "PROXY".getBytes(StandardCharsets.US_ASCII);
    /** The longest line a sender may write, CRLF included ("PROXY UNKNOWN" with two full IPv6 addresses). */
    static final int MAX_LENGTH = 107;

    private static final String EXPECTED = "expected \"PROXY TCP4|TCP6 <source address> <destination address>"
        + " <source port> <destination port>\" or \"PROXY UNKNOWN\", ended by CRLF";

    private ProxyHeaderV1() {
    }

    /** Decodes the line at the start of {@code received}, which starts with {@link #SIGNATURE}. */
    static ProxyHeaderResult decode(Buffer received) {
        int lastCarriageReturn = MAX_LENGTH - 2;
        for (int i = SIGNATURE.length; i < received.length() && i <= lastCarriageReturn; i++) {
            byte current = received.getByte(i);
            if (current == '\r') {
                return endOfLine(received, i);
            }
            if (current == '\n') {
                throw ProtocolException.violation("the PROXY protocol v1 header ends with a LF alone: " + EXPECTED);
            }
            if (current < 0x20 || current > 0x7e) {
                throw ProtocolException.violation(String.format("the PROXY protocol v1 header holds the byte 0x%02x"
                    + " at offset %d, which is not printable ASCII: %s", current & 0xff, i, EXPECTED));
            }
        }
        if (received.length() > lastCarriageReturn) {
            throw ProtocolException.violation("the PROXY protocol v1 header has no CRLF within its first "
                + MAX_LENGTH + " bytes, the longest a header may be: " + EXPECTED);
        }
        return ProxyHeaderResult.NEED_MORE_BYTES;
    }

    private static ProxyHeaderResult endOfLine(Buffer received, int carriageReturn) {
        if (carriageReturn + 1 == received.length()) {
            return ProxyHeaderResult.NEED_MORE_BYTES;
        }
        if (received.getByte(carriageReturn + 1) != '\n') {
            throw ProtocolException.violation("the PROXY protocol v1 header has a CR that is not followed by LF: "
                + EXPECTED);
        }
        String line = received.getString(0, carriageReturn, StandardCharsets.US_ASCII.name());
        return new ProxyHeaderResult.Decoded(parse(line), carriageReturn + 2);
    }

    private static ProxyHeader parse(String line) {
        // Fields are separated by exactly one space, so an empty field means a doubled, leading or trailing one.
        String[] fields = line.split(" ", -1);
        if (!fields[0].equals("PROXY") || fields.length < 2) {
            throw ProtocolException.violation("the PROXY protocol v1 header does not start with \"PROXY \": "
                + EXPECTED);
        }
        return switch (fields[1]) {
            case "UNKNOWN" -> new ProxyHeader(1, ProxyCommand.PROXY, Optional.empty(), Optional.empty(), List.of());
            case "TCP4" -> tcp(fields, AddressText::ipv4, "IPv4");
            case "TCP6" -> tcp(fields, AddressText::ipv6, "IPv6");
            default -> throw ProtocolException.violation("the PROXY protocol v1 header names the protocol \""
                + fields[1] + "\": expected TCP4, TCP6 or UNKNOWN");
        };
    }

    private static ProxyHeader tcp(String[] fields, Function<String, Optional<InetAddress>> parser, String family) {
        if (fields.length != 6) {
            throw ProtocolException.violation("the PROXY protocol v1 header has " + fields.length
                + " space-separated fields, not 6: " + EXPECTED);
        }
        InetSocketAddress source = new InetSocketAddress(address(fields, 2, parser, family), port(fields[4], "source"));
        InetSocketAddress destination = new InetSocketAddress(address(fields, 3, parser, family),
            port(fields[5], "destination"));
        return new ProxyHeader(1, ProxyCommand.PROXY, Optional.of(source), Optional.of(destination), List.of());
    }

    private static InetAddress address(String[] fields, int index, Function<String, Optional<InetAddress>> parser,
        String family) {
        String role = index == 2 ? "source" : "destination";
        return parser.apply(fields[index]).orElseThrow(() -> ProtocolException.violation("the " + role
            + " address \"" + fields[index] + "\" of the PROXY protocol v1 header is not an " + family
            + " address in text form, which " + fields[1] + " requires"));
    }

    private static int port(String text, String role) {
        int port = AddressText.port(text);
        if (port < 0) {
            throw ProtocolException.violation("the " + role + " port \"" + text + "\" of the PROXY protocol v1"
                + " header is not a decimal number from 0 to 65535");
        }
        return port;
    }
}
