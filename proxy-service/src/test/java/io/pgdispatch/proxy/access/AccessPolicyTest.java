package io.pgdispatch.proxy.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.contract.router.v1.AccessRules;
import io.pgdispatch.proxy.protocol.ProtocolException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    /**
     * Columns: allowed addresses (space-separated), allowed VPC endpoints, VPC only, client address, client's VPC
     * endpoint, and the refusal expected ("-" when admitted).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-                         | -            | false | 198.51.100.7 | -          | -",
        "198.51.100.0/24           | -            | false | 198.51.100.7 | -          | -",
        "198.51.100.0/24           | -            | false | 203.0.113.9  | -          | address 203.0.113.9 is not in",
        "10.0.0.1 2001:db8::/32    | -            | false | 2001:db8::5  | -          | -",
        "10.0.0.1 2001:db8::/32    | -            | false | 2001:db9::5  | -          | address 2001:db9:0:0:0:0:0:5",
        "- | - | true | 198.51.100.7 | - | only through an AWS VPC endpoint",
        "-                         | -            | true  | 10.1.2.3     | vpce-aa1   | -",
        "- | vpce-aa1 | true | 10.1.2.3 | vpce-bb2 | VPC endpoint vpce-bb2 is not allowed",
        "-                         | vpce-aa1     | false | 198.51.100.7 | -          | -",
        "10.0.0.0/8                | vpce-aa1     | true  | 192.0.2.1    | vpce-aa1   | address 192.0.2.1 is not in",
    })
    void admitsOnlyWhatTheRulesAllow(String addresses, String vpcEndpoints, boolean vpcOnly, String client,
            String clientVpce, String refusal) throws UnknownHostException {
        AccessPolicy policy = AccessPolicy.of(AccessRules.newBuilder()
            .addAllAllowedAddresses(words(addresses))
            .addAllAllowedVpcEndpoints(words(vpcEndpoints))
            .setVpcOnly(vpcOnly)
            .build());
        ClientOrigin origin = new ClientOrigin(InetAddress.getByName(client), Optional.ofNullable(clientVpce));

        if (refusal == null) {
            assertDoesNotThrow(() -> policy.check(origin, "endpoint \"ep-1\""));
        } else {
            ProtocolException error = assertThrows(ProtocolException.class,
                () -> policy.check(origin, "endpoint \"ep-1\""));
            assertEquals("28000", error.sqlState());
            assertTrue(error.getMessage().contains(refusal) && error.getMessage().contains("endpoint \"ep-1\""),
                error.getMessage());
        }
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
