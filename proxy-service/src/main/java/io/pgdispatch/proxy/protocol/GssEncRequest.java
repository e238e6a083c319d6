package io.pgdispatch.proxy.protocol;

/** GSSENCRequest: the client asks for GSSAPI encryption. The proxy answers 'N', and the client goes on. */
public record GssEncRequest() implements StartupPacket {

    /** 1234 in the high 16 bits and 5680 in the low 16 bits. */
    public static final int CODE = 80877104;
    public static final GssEncRequest INSTANCE = new GssEncRequest();
    public static final byte REFUSE = 'N';
}
