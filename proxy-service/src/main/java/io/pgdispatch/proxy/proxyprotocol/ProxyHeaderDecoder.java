package io.pgdispatch.proxy.proxyprotocol;

import io.pgdispatch.proxy.protocol.ProtocolException;
import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * Finds the PROXY protocol header (https://www.haproxy.org/download/1.8/doc/proxy-protocol.txt, versions 1 and 2)
 * at the start of a connection. It is given all the bytes received so far, again each time more arrive, and
 * answers as soon as they settle the matter; it keeps no state, so one decoder serves a whole listener.
 *
 * <p>Telling a header from PostgreSQL needs no guessing: every packet a PostgreSQL client may send first
 * (SSLRequest, GSSENCRequest, CancelRequest, StartupMessage) opens with its Int32 length, at most 10 000, so its
 * first byte is zero, never the 'P' of version 1 nor the CR of version 2.
 */
public final class ProxyHeaderDecoder {

    private final ProxyProtocolMode mode;

    public ProxyHeaderDecoder(ProxyProtocolMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * Decides what {@code received}, the first bytes of a connection, start with. With {@link ProxyProtocolMode#OFF}
     * the answer is always that there is no header, without a look at the bytes.
     *
     * @throws ProtocolException (08P01) for a malformed header, or for a connection without one when the mode is
     *     {@link ProxyProtocolMode#REQUIRED}
     */
    public ProxyHeaderResult decode(Buffer received) {
        if (mode == ProxyProtocolMode.OFF) {
            return ProxyHeaderResult.NO_HEADER;
        }
        if (startsWith(received, ProxyHeaderV2.SIGNATURE)) {
            return ProxyHeaderV2.decode(received);
        }
        if (startsWith(received, ProxyHeaderV1.SIGNATURE)) {
            return ProxyHeaderV1.decode(received);
        }
        if (isPrefixOf(received, ProxyHeaderV2.SIGNATURE) || isPrefixOf(received, ProxyHeaderV1.SIGNATURE)) {
            return ProxyHeaderResult.NEED_MORE_BYTES;
        }
        if (mode == ProxyProtocolMode.REQUIRED) {
            throw ProtocolException.violation("the connection did not start with a PROXY protocol header, which this"
                + " listener requires: connect through the load balancer");
        }
        return ProxyHeaderResult.NO_HEADER;
    }

    private static boolean startsWith(Buffer received, byte[] signature) {
        return received.length() >= signature.length && matches(received, signature, signature.length);
    }

    /** Whether the bytes so far, fewer than the signature's, are its beginning. */
    private static boolean isPrefixOf(Buffer received, byte[] signature) {
        return received.length() < signature.length && matches(received, signature, received.length());
    }

    private static boolean matches(Buffer received, byte[] signature, int count) {
        for (int i = 0; i < count; i++) {
            if (received.getByte(i) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
