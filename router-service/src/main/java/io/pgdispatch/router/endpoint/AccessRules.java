package io.pgdispatch.router.endpoint;

import io.pgdispatch.contract.target.AddressRange;
import io.pgdispatch.router.cluster.Quoted;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Who may connect through an endpoint: client addresses and CIDR ranges (empty allows every address), AWS VPC
 * endpoint ids (empty allows every VPC endpoint), and whether traffic that did not come through a VPC endpoint is
 * refused. Addresses are kept in {@link AddressRange}'s canonical form, each once, in the order given.
 */
public record AccessRules(List<String> allowedAddresses, List<String> allowedVpcEndpoints, boolean vpcOnly) {

    /** The form of an AWS VPC endpoint id, as in the PROXY protocol TLV that carries it. */
    private static final Pattern VPC_ENDPOINT_ID = Pattern.compile("vpce-[0-9a-z]{1,32}");

    public AccessRules {
        allowedAddresses = List.copyOf(allowedAddresses);
        allowedVpcEndpoints = List.copyOf(allowedVpcEndpoints);
    }

    /**
     * Reads the rules of a request, a null list meaning an empty one; throws
     * {@link InvalidEndpointSettingsException} naming the first entry that is not valid.
     */
    public static AccessRules of(List<String> addresses, List<String> vpcEndpoints, boolean vpcOnly) {
        return new AccessRules(
            canonical(addresses, AccessRules::addressRange),
            canonical(vpcEndpoints, AccessRules::vpcEndpointId),
            vpcOnly);
    }

    private static List<String> canonical(List<String> entries, UnaryOperator<String> rule) {
        if (entries == null) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        entries.forEach(entry -> kept.add(rule.apply(entry)));
        return List.copyOf(kept);
    }

    private static String addressRange(String entry) {
        try {
            return AddressRange.parse(entry).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointSettingsException(e.getMessage());
        }
    }

    private static String vpcEndpointId(String entry) {
        if (entry == null || !VPC_ENDPOINT_ID.matcher(entry).matches()) {
            throw new InvalidEndpointSettingsException("invalid VPC endpoint id " + Quoted.of(String.valueOf(entry))
                + ": write vpce- and 1 to 32 lowercase letters and digits, such as vpce-0a1b2c3d4e5f67890");
        }
        return entry;
    }
}
