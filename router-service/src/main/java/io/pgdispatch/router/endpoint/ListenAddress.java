package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.Quoted;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of an endpoint's dedicated listener, which the proxy binds: {@code host:port} with a literal IPv4
 * address, or {@code [host]:port} with a literal IPv6 address (the brackets of RFC 3986 section 3.2.2). Host names
 * are refused, so that reading an address never asks DNS, and so are wildcard and multicast addresses, which name
 * no single interface. Addresses are kept in one canonical form so that two spellings of the same address and port
 * cannot both be claimed.
 */
public final class ListenAddress {

    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3}(?:\\.[0-9]{1,3}){3}):([0-9]{1,5})");
    /** At least one colon, so that the JDK reads the host as an IPv6 literal and never as a name to resolve. */
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)]:([0-9]{1,5})");
    private static final int MAX_PORT = 65535;

    private ListenAddress() {
    }

    /** The canonical form of {@code text}, null for null; throws {@link InvalidEndpointSettingsException}. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        Matcher ipv4 = IPV4.matcher(text);
        Matcher ipv6 = IPV6.matcher(text);
        InetAddress address;
        int port;
        if (ipv4.matches()) {
            address = ipv4(ipv4.group(1), text);
            port = Integer.parseInt(ipv4.group(2));
        } else if (ipv6.matches()) {
            address = ipv6(ipv6.group(1), text);
            port = Integer.parseInt(ipv6.group(2));
        } else {
            throw malformed(text);
        }
        if (port < 1 || port > MAX_PORT) {
            throw new InvalidEndpointSettingsException("listen address " + Quoted.of(text) + " has port " + port
                + ": use a port from 1 to " + MAX_PORT);
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            throw new InvalidEndpointSettingsException("listen address " + Quoted.of(text) + " is not one host's"
                + " address: a dedicated listener needs a specific address, such as 127.0.0.42:5432");
        }
        return address instanceof Inet6Address
            ? "[" + address.getHostAddress() + "]:" + port
            : address.getHostAddress() + ":" + port;
    }

    /** Read octet by octet: the JDK would take an out-of-range dotted quad such as 999.0.0.1 for a host name. */
    private static InetAddress ipv4(String host, String text) {
        String[] parts = host.split("\\.");
        byte[] octets = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                throw malformed(text);
            }
            octets[i] = (byte) octet;
        }
        return byAddress(octets);
    }

    private static InetAddress ipv6(String host, String text) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw malformed(text);
        }
    }

    private static InetAddress byAddress(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four octets are always an IPv4 address", e);
        }
    }

    private static InvalidEndpointSettingsException malformed(String text) {
        return new InvalidEndpointSettingsException("invalid listen address " + Quoted.of(text) + ": write a literal"
            + " IP address and a port from 1 to " + MAX_PORT + ", such as 127.0.0.42:5432 or [::1]:5432");
    }
}
