package io.pgdispatch.proxy.access;

import io.pgdispatch.contract.router.v1.AccessRules;
import io.pgdispatch.contract.target.AddressRange;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import java.util.List;
import java.util.Set;

/**
 * Which clients an endpoint admits. The address allowlist applies to every connection, public or through a VPC
 * endpoint, and an empty list admits every address. The VPC endpoint list applies to connections that came
 * through one (as a PROXY protocol v2 header from the load balancer says); {@code vpcOnly} refuses the others.
 * Refusals are 28000 and name the client's address, so the user knows which entry is missing.
 */
public record AccessPolicy(List<AddressRange> allowedAddresses, Set<String> allowedVpcEndpoints, boolean vpcOnly) {

    /** Admits everyone: the policy of a cluster reached without an endpoint. */
    public static final AccessPolicy OPEN = new AccessPolicy(List.of(), Set.of(), false);

    /** The policy the router sent. Its entries were validated when stored, so a bad one is the router's bug. */
    public static AccessPolicy of(AccessRules rules) {
        return new AccessPolicy(rules.getAllowedAddressesList().stream().map(AddressRange::parse).toList(),
            Set.copyOf(rules.getAllowedVpcEndpointsList()), rules.getVpcOnly());
    }

    /** Refuses a client the policy does not admit to {@code target} (for messages). */
    public void check(ClientOrigin origin, String target) {
        if (!allowedAddresses.isEmpty()
            && allowedAddresses.stream().noneMatch(range -> range.contains(origin.address()))) {
            throw denied("address " + origin.address().getHostAddress() + " is not in the IP allowlist of " + target
                + ": add it (or its network) to the endpoint's allowed addresses, or connect from an allowed network");
        }
        if (origin.vpcEndpointId().isEmpty()) {
            if (vpcOnly) {
                throw denied(target + " accepts connections only through an AWS VPC endpoint (PrivateLink), and this"
                    + " one came over the public network: connect through the VPC endpoint");
            }
            return;
        }
        String vpce = origin.vpcEndpointId().get();
        if (!allowedVpcEndpoints.isEmpty() && !allowedVpcEndpoints.contains(vpce)) {
            throw denied("VPC endpoint " + vpce + " is not allowed for " + target + ": add it to the endpoint's"
                + " allowed VPC endpoints");
        }
    }

    private static ProtocolException denied(String message) {
        return new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, message);
    }
}
