package io.pgdispatch.proxy.protocol;

/** SSLRequest: the client asks for TLS. The answer is one byte, 'S' to go on with a TLS handshake or 'N'. */
public record SslRequest() implements StartupPacket {

    /** 1234 in the high 16 bits and 5679 in the low 16 bits. */
    public static final int CODE = 80877103;
    public static final SslRequest INSTANCE = new SslRequest();
    public static final byte ACCEPT = 'S';
}
