package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Hands out ports for computes from a configured range. A cursor walks the range so that two computes starting at
 * the same time get different ports; each candidate is checked by binding it.
 *
 * <p>Limitation: a port is free when checked, not reserved; another program may take it before PostgreSQL binds
 * it, and that start then fails with "could not bind" in the server log.
 */
final class PortRange {

    private final int first;
    private final int last;
    private int cursor;

    private PortRange(int first, int last) {
        this.first = first;
        this.last = last;
    }

    /** Reads {@code first-last}, for example {@code 55000-55999}. */
    static PortRange parse(String text) {
        String[] bounds = text.trim().split("-");
        try {
            int first = Integer.parseInt(bounds[0].trim());
            int last = Integer.parseInt(bounds[bounds.length - 1].trim());
            if (bounds.length != 2 || first < 1 || first > last || last > 65535) {
                throw new NumberFormatException(text);
            }
            return new PortRange(first, last);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dispatch.compute.local.port-range must look like 55000-55999, not \""
                + text + "\"", e);
        }
    }

    synchronized int allocate() {
        int size = last - first + 1;
        for (int tried = 0; tried < size; tried++) {
            int candidate = first + cursor;
            cursor = (cursor + 1) % size;
            if (isFree(candidate)) {
                return candidate;
            }
        }
        throw new ComputeDriverException("no free port in " + first + "-" + last
            + ": widen dispatch.compute.local.port-range");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
