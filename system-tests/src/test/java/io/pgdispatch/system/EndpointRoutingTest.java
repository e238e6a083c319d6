package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way a real psql names an endpoint reaches it with SCRAM or the password form, and every forbidden or
 * malformed way is refused with its own SQLSTATE. Endpoint changes made through the management API reach the
 * running proxy through catalog events: the proxy keeps targets for minutes, so only the event can make a change
 * apply to the next connection.
 */
@ExtendWith(DispatchSystemExtension.class)
class EndpointRoutingTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(15);

    @Test
    void psqlReachesAnEndpointByServerNameOptionsAndPassword(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String endpoint = system.managementApi().createEndpoint(tenant, "{}").get("id").asText();
        Psql psql = new Psql(system, tenant);

        Psql.Result byServerName = psql.runWith("host=" + endpoint + ".endpoint." + DispatchSystem.DOMAIN
            + " hostaddr=127.0.0.1 port=" + system.proxyPort() + " user=" + tenant.role() + " dbname=postgres"
            + " sslmode=verify-full sslrootcert=" + system.caCertificate(), "select current_user");
        Psql.Result byOptions = psql.runWith(withoutServerName(system, tenant, "options=endpoint%3D" + endpoint),
            "select current_user");
        Psql.Result byPassword = psql.runWithPassword(withoutServerName(system, tenant, ""),
            "endpoint=" + endpoint + ";" + tenant.password(), "select current_user");
        Psql.Result wrongPassword = psql.runWithPassword(withoutServerName(system, tenant, ""),
            "endpoint=" + endpoint + ";not-the-password", "select 1");
        Psql.Result noTarget = psql.runWith(withoutServerName(system, tenant, ""), "select 1");

        assertEquals(tenant.role(), byServerName.output(), byServerName.errors());
        assertEquals(tenant.role(), byOptions.output(), byOptions.errors());
        assertEquals(tenant.role(), byPassword.output(), byPassword.errors());
        assertTrue(wrongPassword.errors().contains("password authentication failed for user \"" + tenant.role()
            + "\""), wrongPassword.errors());
        assertTrue(noTarget.errors().contains("options=endpoint=<endpoint-id>")
            && noTarget.errors().contains("endpoint=<endpoint-id>;<password>")
            && noTarget.errors().contains("dedicated address"), noTarget.errors());
    }

    @Test
    void aDedicatedAddressIsItsEndpointForClientsThatNameNothing(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String host = "127.0.0." + ThreadLocalRandom.current().nextInt(2, 250);
        int port = DispatchSystem.freePort();
        system.managementApi().createEndpoint(tenant, "{\"listenAddress\": \"" + host + ":" + port + "\"}");
        Psql psql = new Psql(system, tenant);
        String dedicated = "host=" + host + " port=" + port + " user=" + tenant.role() + " dbname=postgres"
            + " sslmode=require connect_timeout=5";

        Psql.Result result = Await.until(PROPAGATION, () -> psql.runWith(dedicated, "select current_user"),
            attempt -> attempt.exitCode() == 0);

        assertEquals(tenant.role(), result.output(), result.errors());
    }

    @Test
    void anAllowlistChangedThroughTheApiAppliesToTheNextConnection(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        ManagementApi api = system.managementApi();
        String endpoint = api.createEndpoint(tenant, allowing("127.0.0.1")).get("id").asText();
        String serverName = endpoint + ".endpoint." + DispatchSystem.DOMAIN;
        system.addHost(serverName);
        Psql psql = new Psql(system, tenant);
        String connection = "host=" + serverName + " hostaddr=127.0.0.1 port=" + system.proxyPort() + " user="
            + tenant.role() + " dbname=postgres sslmode=verify-full sslrootcert=" + system.caCertificate();
        assertEquals(0, psql.runWith(connection, "select 1").exitCode(), "admitted while 127.0.0.1 is allowed");

        api.updateEndpoint(tenant, endpoint, allowing("203.0.113.0/24"));
        Map<Character, String> refused = Await.until(PROPAGATION,
            () -> refusal(system, serverName, tenant, Map.of()),
            error -> "28000".equals(error.get('C')));
        api.updateEndpoint(tenant, endpoint, allowing("127.0.0.0/8"));
        Psql.Result admittedAgain = Await.until(PROPAGATION, () -> psql.runWith(connection, "select 1"),
            attempt -> attempt.exitCode() == 0);

        assertTrue(refused.get('M').contains("address 127.0.0.1 is not in the IP allowlist of endpoint \""
            + endpoint + "\""), refused.toString());
        assertEquals("1", admittedAgain.output());
    }

    @Test
    void eachForbiddenOrMalformedWayHasItsOwnSqlState(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Tenant other = system.newTenant();
        ManagementApi api = system.managementApi();
        String endpoint = api.createEndpoint(tenant, allowing("198.51.100.0/24")).get("id").asText();
        String vpcOnly = api.createEndpoint(tenant, "{\"vpcOnly\": true, \"allowedVpcEndpoints\": [\"vpce-0abc\"]}")
            .get("id").asText();
        String endpointHost = endpoint + ".endpoint." + DispatchSystem.DOMAIN;
        String clusterHost = tenant.host();
        Tenant restricted = system.newTenant();
        api.updateCluster(restricted, "{\"optionsRoutingAllowed\": false}");
        InetSocketAddress outside = new InetSocketAddress("203.0.113.50", 40000);
        InetSocketAddress inside = new InetSocketAddress("198.51.100.7", 40000);

        Map<Character, String> conflict = refusal(system, clusterHost, tenant,
            Map.of("options", "cluster:" + other.clusterId()));
        Map<Character, String> clusterBesideEndpoint = refusal(system, endpointHost, tenant,
            Map.of("options", "cluster:" + tenant.clusterId()));
        Map<Character, String> optionsDisabled = refusal(system, "localhost", restricted,
            Map.of("options", "cluster=" + restricted.clusterId()));
        Map<Character, String> notAllowed = refusal(system, endpointHost, tenant, outside, Optional.empty());
        Map<Character, String> publicToVpcOnly = refusal(system, vpcOnly + ".endpoint." + DispatchSystem.DOMAIN,
            tenant, inside, Optional.empty());
        Map<Character, String> unknownEndpoint = refusal(system, "ep-nosuch.endpoint." + DispatchSystem.DOMAIN,
            tenant, Map.of());
        Map<Character, String> badTimestamp = refusal(system, clusterHost, tenant,
            Map.of("options", "timestamp:2026-13-01"));
        Map<Character, String> badLsn = refusal(system, clusterHost, tenant, Map.of("options", "lsn:0/XYZ"));

        assertRefused(conflict, "22023", "the host name names cluster \"" + tenant.clusterId() + "\" but options"
            + " name cluster \"" + other.clusterId() + "\"");
        assertRefused(clusterBesideEndpoint, "22023", "which fixes its cluster and branch");
        assertRefused(optionsDisabled, "08004", "does not accept connections that name it in options");
        assertRefused(notAllowed, "28000", "address 203.0.113.50 is not in the IP allowlist");
        assertRefused(publicToVpcOnly, "28000", "accepts connections only through an AWS VPC endpoint");
        assertRefused(unknownEndpoint, "3D000", "endpoint \"ep-nosuch\"");
        assertRefused(badTimestamp, "22007", "timestamp \"2026-13-01\"");
        assertRefused(badLsn, "22P02", "invalid LSN \"0/XYZ\"");
    }

    @Test
    void aLoadBalancersAddressAndVpcEndpointDecideAdmission(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String endpoint = system.managementApi().createEndpoint(tenant, "{\"vpcOnly\": true,"
            + " \"allowedVpcEndpoints\": [\"vpce-0abc\"], \"allowedAddresses\": [\"198.51.100.0/24\"]}")
            .get("id").asText();
        String serverName = endpoint + ".endpoint." + DispatchSystem.DOMAIN;

        try (WireClient client = new WireClient(system.proxyPort())) {
            client.sendProxyHeader(new InetSocketAddress("198.51.100.7", 40000), Optional.of("vpce-0abc"))
                .startTls(serverName, system.caCertificate())
                .sendStartup(Map.of("user", tenant.role(), "database", "postgres"));
            WireClient.Received challenge = client.receive();

            assertEquals('R', challenge.type(), "asked to authenticate: admitted by address and VPC endpoint");
        }
        Map<Character, String> otherVpce = refusal(system, serverName, tenant,
            new InetSocketAddress("198.51.100.7", 40000), Optional.of("vpce-0other"));
        assertRefused(otherVpce, "28000", "VPC endpoint vpce-0other is not allowed");
    }

    /** The proxy's refusal of a startup straight from the test, with the given server name and parameters. */
    private static Map<Character, String> refusal(DispatchSystem system, String serverName, Tenant tenant,
            Map<String, String> extra) throws Exception {
        try (WireClient client = new WireClient(system.proxyPort())) {
            return client.refusal(serverName, system.caCertificate(), startup(tenant, extra));
        }
    }

    /** The same, behind a load balancer that reports the client's address and VPC endpoint. */
    private static Map<Character, String> refusal(DispatchSystem system, String serverName, Tenant tenant,
            InetSocketAddress source, Optional<String> vpcEndpoint) throws Exception {
        try (WireClient client = new WireClient(system.proxyPort())) {
            client.sendProxyHeader(source, vpcEndpoint);
            return client.refusal(serverName, system.caCertificate(), startup(tenant, Map.of()));
        }
    }

    private static Map<String, String> startup(Tenant tenant, Map<String, String> extra) {
        Map<String, String> startup = new LinkedHashMap<>();
        startup.put("user", tenant.role());
        startup.put("database", "postgres");
        startup.putAll(extra);
        return startup;
    }

    private static void assertRefused(Map<Character, String> error, String sqlState, String message) {
        assertEquals(sqlState, error.get('C'), error.toString());
        assertTrue(error.get('M').contains(message), error.toString());
    }

    private static String allowing(String range) {
        return "{\"allowedAddresses\": [\"" + range + "\"]}";
    }

    private static String withoutServerName(DispatchSystem system, Tenant tenant, String extra) {
        return "host=127.0.0.1 port=" + system.proxyPort() + " user=" + tenant.role() + " dbname=postgres"
            + " sslmode=require connect_timeout=30 " + extra;
    }
}
