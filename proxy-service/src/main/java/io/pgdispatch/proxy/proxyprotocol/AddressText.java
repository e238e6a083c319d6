package io.pgdispatch.proxy.proxyprotocol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the textual addresses and ports of a version 1 header. Written out rather than left to
 * {@link InetAddress#getByName}, which would look up a host name, accept IPv6 zone ids and take "1" for an IPv4
 * address.
 */
final class AddressText {

    private static final int IPV4_BYTES = 4;
    private static final int IPV6_GROUPS = 8;
    private static final int MAX_PORT = 65_535;

    private AddressText() {
    }

    /** Dotted decimal, four numbers from 0 to 255. */
    static Optional<InetAddress> ipv4(String text) {
        return ipv4Bytes(text).map(AddressText::address);
    }

    /**
     * The text forms of RFC 4291, section 2.2: eight groups of one to four hex digits, one run of zero groups
     * written as "::", and the last two groups optionally as a dotted IPv4 address.
     */
    static Optional<InetAddress> ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        boolean valid = gap < 0
            ? groups(text, true, head)
            : groups(text.substring(0, gap), false, head) && groups(text.substring(gap + 2), true, tail);
        int count = head.size() + tail.size();
        if (!valid || (gap < 0 ? count != IPV6_GROUPS : count >= IPV6_GROUPS)) {
            return Optional.empty();
        }

        byte[] bytes = new byte[2 * IPV6_GROUPS];
        for (int i = 0; i < head.size(); i++) {
            putGroup(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            putGroup(bytes, IPV6_GROUPS - tail.size() + i, tail.get(i));
        }
        return Optional.of(address(bytes));
    }

    /** A decimal port from 0 to 65535, or -1. */
    static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !digits(text)) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port <= MAX_PORT ? port : -1;
    }

    /** An address from its 4 or 16 bytes in network order; no name is looked up. */
    static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }

    private static Optional<byte[]> ipv4Bytes(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != IPV4_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = new byte[IPV4_BYTES];
        for (int i = 0; i < IPV4_BYTES; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !digits(parts[i])) {
                return Optional.empty();
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    /** Adds the 16-bit groups of one side of "::" to {@code out}; false when one of them is malformed. */
    private static boolean groups(String text, boolean endsTheAddress, List<Integer> out) {
        if (text.isEmpty()) {
            return true;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (endsTheAddress && i == parts.length - 1 && part.contains(".")) {
                Optional<byte[]> ipv4 = ipv4Bytes(part);
                if (ipv4.isEmpty()) {
                    return false;
                }
                byte[] bytes = ipv4.get();
                out.add((bytes[0] & 0xff) << 8 | bytes[1] & 0xff);
                out.add((bytes[2] & 0xff) << 8 | bytes[3] & 0xff);
            } else if (part.isEmpty() || part.length() > 4 || !hexDigits(part)) {
                return false;
            } else {
                out.add(Integer.parseInt(part, 16));
            }
        }
        return true;
    }

    private static void putGroup(byte[] bytes, int index, int group) {
        bytes[2 * index] = (byte) (group >> 8);
        bytes[2 * index + 1] = (byte) group;
    }

    /** ASCII digits only: {@link Integer#parseInt} alone would also take a sign and other scripts' digits. */
    private static boolean digits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean hexDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }
}
