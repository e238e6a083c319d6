package io.pgdispatch.proxy.proxyprotocol;

import io.pgdispatch.proxy.protocol.ProtocolException;
import io.vertx.core.buffer.Buffer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The binary header of version 2 (proxy-protocol.txt, section 2.2): a 12-byte signature, a version and command
 * byte, an address family and transport byte, the 16-bit length of what follows, the addresses in the family's
 * layout and then type-length-value fields up to that length.
 */
public final class ProxyHeaderV2 {

    /** The signature: CR LF CR LF NUL CR LF "QUIT" LF, chosen to be found in no other protocol's first bytes. */
    static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    /** The signature and the version, family and length fields. */
    static final int FIXED_LENGTH = 16;
    /**
     * The longest header accepted, far above what load balancers send (addresses and a few short TLVs). The wire
     * allows almost 64 KiB, which the proxy does not hold for a connection that has not said anything yet.
     */
    static final int MAX_LENGTH = 4096;

    private static final int VERSION = 0x2;
    private static final int COMMAND_LOCAL = 0x0;
    private static final int COMMAND_PROXY = 0x1;
    /** The address family in the high nibble, the transport in the low one (section 2.2, 14th byte). */
    private static final int UNSPEC = 0x00;
    private static final int TCP_OVER_IPV4 = 0x11;
    private static final int UDP_OVER_IPV4 = 0x12;
    private static final int TCP_OVER_IPV6 = 0x21;
    private static final int UDP_OVER_IPV6 = 0x22;
    private static final int UNIX_STREAM = 0x31;
    private static final int UNIX_DATAGRAM = 0x32;
    /** Source and destination address, then source and destination port, for each family (section 2.2). */
    private static final int INET_ADDRESSES_LENGTH = 4 + 4 + 2 + 2;
    private static final int INET6_ADDRESSES_LENGTH = 16 + 16 + 2 + 2;
    private static final int UNIX_ADDRESSES_LENGTH = 108 + 108;
    /** A TLV's type byte and 16-bit length. */
    private static final int TLV_HEADER_LENGTH = 3;

    private ProxyHeaderV2() {
    }

    /**
     * A PROXY header for a TCP connection from {@code source} to {@code destination}, both IPv4 or both IPv6,
     * naming the AWS VPC endpoint the client came through when one is given: what a load balancer writes first on
     * its connection to the proxy.
     */
    public static Buffer encode(InetSocketAddress source, InetSocketAddress destination,
        Optional<String> vpcEndpointId) {
        byte[] from = rawAddress(source);
        byte[] to = rawAddress(destination);
        if (from.length != to.length) {
            throw new IllegalArgumentException("source " + source + " and destination " + destination
                + " are not of the same address family");
        }

        Buffer tlvs = Buffer.buffer();
        vpcEndpointId.ifPresent(id -> {
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(id)) {
                throw new IllegalArgumentException("a VPC endpoint id is ASCII, not \"" + id + "\"");
            }
            byte[] value = id.getBytes(StandardCharsets.US_ASCII);
            tlvs.appendUnsignedByte((short) ProxyTlv.TYPE_AWS).appendUnsignedShort(1 + value.length)
                .appendUnsignedByte((short) ProxyTlv.SUBTYPE_AWS_VPCE_ID).appendBytes(value);
        });

        Buffer header = Buffer.buffer(FIXED_LENGTH + 2 * to.length + 4 + tlvs.length())
            .appendBytes(SIGNATURE)
            .appendUnsignedByte((short) (VERSION << 4 | COMMAND_PROXY))
            .appendUnsignedByte((short) (from.length == 4 ? TCP_OVER_IPV4 : TCP_OVER_IPV6))
            .appendUnsignedShort(2 * to.length + 4 + tlvs.length())
            .appendBytes(from)
            .appendBytes(to)
            .appendUnsignedShort(source.getPort())
            .appendUnsignedShort(destination.getPort())
            .appendBuffer(tlvs);
        if (header.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a header of " + header.length() + " bytes is longer than the "
                + MAX_LENGTH + " the proxy accepts");
        }
        return header;
    }

    /** Decodes the header at the start of {@code received}, which starts with {@link #SIGNATURE}. */
    static ProxyHeaderResult decode(Buffer received) {
        if (received.length() < FIXED_LENGTH) {
            return ProxyHeaderResult.NEED_MORE_BYTES;
        }
        int versionAndCommand = received.getUnsignedByte(12);
        int familyAndTransport = received.getUnsignedByte(13);
        int length = FIXED_LENGTH + received.getUnsignedShort(14);
        ProxyCommand command = command(versionAndCommand);
        if (length > MAX_LENGTH) {
            throw ProtocolException.violation("the PROXY protocol v2 header is " + length + " bytes long: expected at"
                + " most " + MAX_LENGTH + " bytes, addresses and TLVs included");
        }
        if (command == ProxyCommand.LOCAL) {
            // Section 2.2: for LOCAL the receiver uses the real endpoints and skips the block, family and all.
            return received.length() < length
                ? ProxyHeaderResult.NEED_MORE_BYTES
                : new ProxyHeaderResult.Decoded(
                    new ProxyHeader(2, command, Optional.empty(), Optional.empty(), List.of()), length);
        }

        int addressesLength = addressesLength(familyAndTransport);
        if (FIXED_LENGTH + addressesLength > length) {
            throw ProtocolException.violation(String.format("the PROXY protocol v2 header declares %d bytes after"
                + " its first 16, too few for the %d bytes of addresses that its family 0x%02x requires",
                length - FIXED_LENGTH, addressesLength, familyAndTransport));
        }
        if (received.length() < length) {
            return ProxyHeaderResult.NEED_MORE_BYTES;
        }

        List<ProxyTlv> tlvs = tlvs(received, FIXED_LENGTH + addressesLength, length);
        checkVpcEndpointId(tlvs);
        Optional<InetSocketAddress> source = Optional.empty();
        Optional<InetSocketAddress> destination = Optional.empty();
        if (familyAndTransport == TCP_OVER_IPV4 || familyAndTransport == TCP_OVER_IPV6) {
            // Two addresses of the same size, then two 16-bit ports.
            int size = (addressesLength - 4) / 2;
            int ports = FIXED_LENGTH + 2 * size;
            source = Optional.of(socketAddress(received, FIXED_LENGTH, size, ports));
            destination = Optional.of(socketAddress(received, FIXED_LENGTH + size, size, ports + 2));
        }
        return new ProxyHeaderResult.Decoded(new ProxyHeader(2, command, source, destination, tlvs), length);
    }

    private static ProxyCommand command(int versionAndCommand) {
        if (versionAndCommand >> 4 != VERSION) {
            throw ProtocolException.violation("the PROXY protocol v2 header has version " + (versionAndCommand >> 4)
                + ": expected version 2");
        }
        return switch (versionAndCommand & 0x0F) {
            case COMMAND_LOCAL -> ProxyCommand.LOCAL;
            case COMMAND_PROXY -> ProxyCommand.PROXY;
            default -> throw ProtocolException.violation("the PROXY protocol v2 header has command "
                + (versionAndCommand & 0x0F) + ": expected 0 (LOCAL) or 1 (PROXY)");
        };
    }

    /**
     * The bytes the addresses take in each combination section 2.2 defines. Only TCP addresses mean anything to
     * PostgreSQL; the others are skipped, as the specification asks of a receiver that does not support them.
     */
    private static int addressesLength(int familyAndTransport) {
        return switch (familyAndTransport) {
            case UNSPEC -> 0;
            case TCP_OVER_IPV4, UDP_OVER_IPV4 -> INET_ADDRESSES_LENGTH;
            case TCP_OVER_IPV6, UDP_OVER_IPV6 -> INET6_ADDRESSES_LENGTH;
            case UNIX_STREAM, UNIX_DATAGRAM -> UNIX_ADDRESSES_LENGTH;
            default -> throw ProtocolException.violation(String.format("the PROXY protocol v2 header has address"
                + " family and transport 0x%02x: expected one that the specification defines, 0x00 (UNSPEC), 0x11"
                + " or 0x12 (IPv4), 0x21 or 0x22 (IPv6), 0x31 or 0x32 (UNIX)", familyAndTransport));
        };
    }

    private static InetSocketAddress socketAddress(Buffer received, int offset, int size, int portOffset) {
        return new InetSocketAddress(AddressText.address(received.getBytes(offset, offset + size)),
            received.getUnsignedShort(portOffset));
    }

    /** The TLVs from {@code offset} to the end of the header, each checked to fit before it is copied. */
    private static List<ProxyTlv> tlvs(Buffer received, int offset, int end) {
        List<ProxyTlv> tlvs = new ArrayList<>();
        int position = offset;
        while (position < end) {
            if (end - position < TLV_HEADER_LENGTH) {
                throw ProtocolException.violation("the PROXY protocol v2 header ends " + (end - position)
                    + " bytes into a TLV: expected a type byte and a 16-bit length");
            }
            int type = received.getUnsignedByte(position);
            int valueLength = received.getUnsignedShort(position + 1);
            int valueOffset = position + TLV_HEADER_LENGTH;
            if (valueLength > end - valueOffset) {
                throw ProtocolException.violation(String.format("the PROXY protocol v2 TLV of type 0x%02x declares"
                    + " %d bytes but only %d remain in the header: expected TLVs to fill the header exactly",
                    type, valueLength, end - valueOffset));
            }
            if (type == ProxyTlv.TYPE_CRC32C) {
                checkCrc32c(received, end, valueOffset, valueLength);
            }
            tlvs.add(new ProxyTlv(type, received.getBuffer(valueOffset, valueOffset + valueLength)));
            position = valueOffset + valueLength;
        }
        return tlvs;
    }

    /** PP2_TYPE_CRC32C: a CRC32c of the whole header with the checksum's own four bytes zeroed, in network order. */
    private static void checkCrc32c(Buffer received, int headerLength, int valueOffset, int valueLength) {
        if (valueLength != 4) {
            throw ProtocolException.violation("the PROXY protocol v2 CRC32c TLV has " + valueLength
                + " bytes: expected 4");
        }
        byte[] header = received.getBytes(0, headerLength);
        Arrays.fill(header, valueOffset, valueOffset + 4, (byte) 0);
        CRC32C crc = new CRC32C();
        crc.update(header);
        if (crc.getValue() != received.getUnsignedInt(valueOffset)) {
            throw ProtocolException.violation("the PROXY protocol v2 header does not match its CRC32c checksum:"
                + " expected the header to arrive as the load balancer sent it");
        }
    }

    /** An access check must not pick one of two endpoint ids, nor accept an id that prints as something else. */
    private static void checkVpcEndpointId(List<ProxyTlv> tlvs) {
        List<String> ids = tlvs.stream().flatMap(tlv -> tlv.awsVpcEndpointId().stream()).toList();
        if (ids.size() > 1) {
            throw ProtocolException.violation("the PROXY protocol v2 header names " + ids.size()
                + " AWS VPC endpoints: expected at most one");
        }
        for (String id : ids) {
            if (id.isEmpty() || !id.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw ProtocolException.violation("the PROXY protocol v2 header names an AWS VPC endpoint id that"
                    + " is empty or not printable ASCII: expected an id such as vpce-0123456789abcdef0");
            }
        }
    }

    private static byte[] rawAddress(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(address + " has no IP address");
        }
        return address.getAddress().getAddress();
    }
}
