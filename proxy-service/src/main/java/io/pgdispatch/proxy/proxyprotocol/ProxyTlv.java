package io.pgdispatch.proxy.proxyprotocol;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One type-length-value field after the addresses of a version 2 header (proxy-protocol.txt, section 2.2). The
 * value is kept as sent, its type byte and 16-bit length not included.
 */
public record ProxyTlv(int type, Buffer value) {

    /** PP2_TYPE_CRC32C: a CRC32c of the whole header, computed with this field's value zeroed. */
    public static final int TYPE_CRC32C = 0x03;
    /**
     * PP2_TYPE_AWS: what an AWS Network Load Balancer adds for a PrivateLink client, a subtype byte first. The type
     * is AWS's own, from the range the specification leaves to custom uses (PP2_TYPE_MIN_CUSTOM to _MAX_CUSTOM).
     */
    public static final int TYPE_AWS = 0xEA;
    /** PP2_SUBTYPE_AWS_VPCE_ID: the VPC endpoint the client came through, in ASCII ("vpce-..."). */
    public static final int SUBTYPE_AWS_VPCE_ID = 0x01;

    /** The VPC endpoint id this field carries, if it is AWS's field of that subtype. */
    public Optional<String> awsVpcEndpointId() {
        if (type != TYPE_AWS || value.length() == 0 || value.getUnsignedByte(0) != SUBTYPE_AWS_VPCE_ID) {
            return Optional.empty();
        }
        return Optional.of(value.getString(1, value.length(), StandardCharsets.US_ASCII.name()));
    }
}
