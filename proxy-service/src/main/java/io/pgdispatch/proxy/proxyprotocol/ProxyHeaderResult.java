package io.pgdispatch.proxy.proxyprotocol;

/** What {@link ProxyHeaderDecoder#decode} makes of the bytes a connection has received so far. */
public sealed interface ProxyHeaderResult {

    ProxyHeaderResult NEED_MORE_BYTES = new NeedMoreBytes();
    ProxyHeaderResult NO_HEADER = new NoHeader();

    /** The bytes so far are the beginning of a header, or too few to tell: decode again when more arrive. */
    record NeedMoreBytes() implements ProxyHeaderResult {
    }

    /** The connection starts without a header; every byte received belongs to PostgreSQL. */
    record NoHeader() implements ProxyHeaderResult {
    }

    /** A whole header, which took the first {@code length} bytes; the bytes after them belong to PostgreSQL. */
    record Decoded(ProxyHeader header, int length) implements ProxyHeaderResult {
    }
}
