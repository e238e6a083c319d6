package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/**
 * Logins the proxy refuses, each with the SQLSTATE a client can act on. A wrong password, an unknown role and a
 * missing password are indistinguishable, so roles cannot be probed.
 */
@ExtendWith(DispatchSystemExtension.class)
class LoginRefusalTest {

    @Test
    void wrongPasswordUnknownRoleAndMissingPasswordLookAlike(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();

        SQLException wrongPassword = assertThrows(SQLException.class,
            () -> Jdbc.connect(system, tenant.host(), tenant.role(), "not-the-password"));
        SQLException unknownRole = assertThrows(SQLException.class,
            () -> Jdbc.connect(system, tenant.host(), "nobody_here", "whatever-password"));
        Map<Character, String> missingPassword = loginWithoutPassword(system, tenant, tenant.role());

        assertEquals("28P01", wrongPassword.getSQLState());
        assertEquals("28P01", unknownRole.getSQLState());
        assertEquals("28P01", missingPassword.get('C'));
        String expected = "password authentication failed for user \"%s\"";
        assertEquals(String.format(expected, tenant.role()), serverMessage(wrongPassword));
        assertEquals(String.format(expected, "nobody_here"), serverMessage(unknownRole));
        assertEquals(String.format(expected, tenant.role()), missingPassword.get('M'));
    }

    @Test
    void anotherAccountsRoleCannotLogIn(DispatchSystem system) throws Exception {
        Tenant owner = system.newTenant();
        Tenant stranger = system.newTenant();

        SQLException refused = assertThrows(SQLException.class,
            () -> Jdbc.connect(system, owner.host(), stranger.role(), stranger.password()));

        assertEquals("28P01", refused.getSQLState());
    }

    @Test
    void anUnknownClusterIsInvalidCatalogName(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String host = "cnosuchcluster.db." + DispatchSystem.DOMAIN;
        system.addHost(host);

        SQLException refused = assertThrows(SQLException.class,
            () -> Jdbc.connect(system, host, tenant.role(), tenant.password()));

        assertEquals("3D000", refused.getSQLState());
        assertTrue(serverMessage(refused).contains("cnosuchcluster"), serverMessage(refused));
    }

    @Test
    void aPlaintextStartupIsRefusedWithAnExplanation(DispatchSystem system) throws Exception {
        try (WireClient client = new WireClient(system.proxyPort())) {
            client.sendStartup(Map.of("user", "anyone", "database", "postgres"));

            Map<Character, String> error = client.receiveError();

            assertEquals("28000", error.get('C'));
            assertTrue(error.get('M').contains("sslmode=require"), error.get('M'));
            assertTrue(client.closedByServer());
        }
    }

    /** What libpq would send with no password at hand: a SASLInitialResponse with no data. */
    private static Map<Character, String> loginWithoutPassword(DispatchSystem system, Tenant tenant, String role)
            throws Exception {
        try (WireClient client = new WireClient(system.proxyPort())) {
            client.startTls(tenant.host(), system.caCertificate());
            client.sendStartup(Map.of("user", role, "database", "postgres"));
            assertEquals('R', client.receive().type());
            byte[] mechanism = "SCRAM-SHA-256\0".getBytes(StandardCharsets.US_ASCII);
            client.sendMessage('p', ByteBuffer.allocate(mechanism.length + 4).put(mechanism).putInt(-1).array());
            return client.receiveError();
        }
    }

    private static String serverMessage(SQLException error) {
        return error instanceof PSQLException psql && psql.getServerErrorMessage() != null
            ? psql.getServerErrorMessage().getMessage()
            : error.getMessage();
    }
}
