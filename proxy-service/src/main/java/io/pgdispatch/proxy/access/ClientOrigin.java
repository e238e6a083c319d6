package io.pgdispatch.proxy.access;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where a session comes from, as far as access rules are concerned: the client's address (the TCP peer, or the
 * address a load balancer reported in a PROXY protocol header) and the AWS VPC endpoint it came through, if any.
 */
public record ClientOrigin(InetAddress address, Optional<String> vpcEndpointId) {

    @Override
    public String toString() {
        return address.getHostAddress() + vpcEndpointId.map(vpce -> " via " + vpce).orElse("");
    }
}
