package io.pgdispatch.proxy.proxyprotocol;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * A decoded PROXY protocol header. The addresses are there only for a relayed TCP connection over IPv4 or IPv6;
 * for LOCAL, version 1's "UNKNOWN" and version 2's UNSPEC, UNIX and UDP the connection's own endpoints are the
 * ones to use. An IPv4 client sent as an IPv4-mapped IPv6 address comes out as an IPv4 address, as the JDK
 * reports such a socket's peer.
 *
 * @param version 1 for the text header, 2 for the binary one
 * @param source the client as the load balancer saw it
 * @param destination the address the client connected to
 * @param tlvs the type-length-value fields of a version 2 header, in the order sent; none for version 1
 */
public record ProxyHeader(int version, ProxyCommand command, Optional<InetSocketAddress> source,
    Optional<InetSocketAddress> destination, List<ProxyTlv> tlvs) {

    public ProxyHeader {
        tlvs = List.copyOf(tlvs);
    }

    /** The AWS VPC endpoint the client came through (PP2_SUBTYPE_AWS_VPCE_ID), when the header names one. */
    public Optional<String> vpcEndpointId() {
        return tlvs.stream().flatMap(tlv -> tlv.awsVpcEndpointId().stream()).findFirst();
    }
}
