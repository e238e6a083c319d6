package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cluster that leaves authentication to its computes: the proxy routes by SNI, then relays the messages between
 * psql and the compute, whose pg_hba.conf binds to a real OpenLDAP server. The LDAP password logs in, the password
 * kept by the platform no longer does, and switching back to the proxy's SCRAM restores it.
 */
@ExtendWith(DispatchSystemExtension.class)
class PassthroughAuthenticationTest {

    private static final Duration CHANGED = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anLdapBackedRoleLogsInThroughTheProxyWithItsDirectoryPassword(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int); insert into notes values (1)").exitCode());
        String directoryPassword = "ldap-" + tenant.password();
        Path folder = Files.createTempDirectory("pg-dispatch-ldap-");

        try (LdapServer ldap = LdapServer.start(folder, Map.of(tenant.role(), directoryPassword))) {
            system.managementApi().updateCluster(tenant, JSON.createObjectNode().set("authentication",
                JSON.createObjectNode().put("mode", "passthrough").put("method", "ldap")
                    .put("options", ldap.hbaOptions())).toString());

            Await.until(CHANGED, () -> psql.run("select current_user || ' ' || count(*) from notes",
                directoryPassword, "").output().trim(), (tenant.role() + " 1")::equals);
            Psql.Result platformPassword = psql.run("select 1", tenant.password(), "");
            assertTrue(platformPassword.exitCode() != 0
                && platformPassword.errors().contains("LDAP authentication failed for user \"" + tenant.role()
                    + "\""), "the compute's own refusal reaches psql unchanged: " + platformPassword.errors());
            SQLException wrong = assertThrows(SQLException.class,
                () -> Jdbc.connect(system, tenant.host(), tenant.role(), "wrong-" + directoryPassword).close());
            // The compute's own code, unchanged: PostgreSQL gives 28P01 to its password methods only, and 28000 to a
            // failed LDAP bind (auth_failed in src/backend/libpq/auth.c).
            assertEquals("28000", wrong.getSQLState(), wrong.getMessage());
            try (Connection jdbc = Jdbc.connect(system, tenant.host(), tenant.role(), directoryPassword)) {
                assertTrue(jdbc.isValid(5), "pgjdbc answers the compute's cleartext request through the proxy too");
            }

            system.managementApi().updateCluster(tenant, "{\"authentication\": {\"mode\": \"proxy\"}}");
            Await.until(CHANGED, () -> psql.run("select count(*) from notes").output().trim(), "1"::equals);
            assertTrue(psql.run("select 1", directoryPassword, "").exitCode() != 0,
                "the directory password means nothing to the proxy's SCRAM");
        }
    }
}
