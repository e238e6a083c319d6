package io.pgdispatch.contract.target;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One entry of an IP allowlist: a single address ({@code 203.0.113.7}, {@code 2001:db8::1}) or a CIDR range
 * ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). Only literal addresses are accepted, never host names, so parsing
 * never asks DNS. An IPv4 range matches IPv4 clients only, also when they arrive as IPv4-mapped IPv6 addresses.
 */
public final class AddressRange {

    private final String text;
    private final byte[] network;
    private final int prefixLength;

    private AddressRange(String text, byte[] network, int prefixLength) {
        this.text = text;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses an address or CIDR range; throws IllegalArgumentException naming the value when it is malformed. */
    public static AddressRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw malformed(text == null ? "" : text);
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash), text);
        int bits = address.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(trimmed.substring(slash + 1), bits, text);
        byte[] network = masked(address, prefix);
        if (!Arrays.equals(network, address)) {
            throw new IllegalArgumentException("invalid allowlist entry \"" + text + "\": the address has bits set"
                + " beyond the /" + prefix + " prefix; did you mean " + format(network, prefix, bits) + "?");
        }
        return new AddressRange(format(network, prefix, bits), network, prefix);
    }

    /** Whether the client address is in this range. */
    public boolean contains(InetAddress client) {
        byte[] address = unmapped(client.getAddress());
        return address.length == network.length && Arrays.equals(masked(address, prefixLength), network);
    }

    private static byte[] literal(String address, String text) {
        boolean ipv4 = address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw malformed(text);
        }
        try {
            return unmapped(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            throw malformed(text);
        }
    }

    private static int prefixLength(String digits, int bits, String text) {
        if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) > bits) {
            throw new IllegalArgumentException("invalid allowlist entry \"" + text + "\": the prefix length must be"
                + " 0 to " + bits);
        }
        return Integer.parseInt(digits);
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address it maps. */
    private static byte[] unmapped(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff
            ? Arrays.copyOfRange(address, 12, 16)
            : address;
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            result[i] &= (byte) (0xff << (8 - keep));
        }
        return result;
    }

    private static String format(byte[] network, int prefix, int bits) {
        try {
            String address = InetAddress.getByAddress(network).getHostAddress();
            return prefix == bits ? address : address + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("invalid allowlist entry \"" + text + "\": write an IPv4 or IPv6"
            + " address, optionally with a prefix length, such as 203.0.113.0/24 or 2001:db8::/32");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical form: {@code 10.0.0.0/8}, {@code 2001:db8:0:0:0:0:0:0/32}, or a bare address. */
    @Override
    public String toString() {
        return text;
    }
}
