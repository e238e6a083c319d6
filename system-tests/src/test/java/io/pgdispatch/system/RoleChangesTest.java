package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A password changed or a role removed through the management API reaches the running compute and the proxy's cache
 * through a catalog event, with no restart: the next login sees the change.
 */
@ExtendWith(DispatchSystemExtension.class)
class RoleChangesTest {

    private static final Duration PROPAGATED = Duration.ofSeconds(30);

    @Test
    void aNewPasswordWorksAtOnceOnTheRunningComputeAndTheOldOneNoLonger(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int); insert into notes values (1)").exitCode());
        String newPassword = "changed-" + tenant.password();

        try (Connection open = Jdbc.connect(system, tenant)) {
            system.managementApi().changePassword(tenant, tenant.role(), newPassword);

            // The proxy checks the new password against the new verifier, and the compute, which was running all
            // along, accepts the login made with it: both followed the event.
            Await.until(PROPAGATED, () -> psql.run("select count(*) from notes", newPassword, "").output().trim(),
                "1"::equals);
            Psql.Result old = psql.run("select 1", tenant.password(), "");
            assertTrue(old.exitCode() != 0 && old.errors().contains("password authentication failed"), old.errors());
            assertEquals(1, count(open), "a session opened before the change stays open");
        }
    }

    @Test
    void aRemovedRoleCannotLogInAndItsOpenSessionsEnd(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int); insert into notes values (1)").exitCode());
        String other = tenant.role() + "_other";
        String password = "other-" + tenant.password();
        // Created while the compute runs, so the role reaches it by the event too.
        system.managementApi().createRole(tenant, other, password);
        Connection session = Await.until(PROPAGATED, () -> connectAs(system, tenant, other, password),
            connection -> connection != null);

        system.managementApi().deleteRole(tenant, other);

        Await.until(PROPAGATED, () -> psql.runWithPassword(psql.connectionString("").replace(
            "user=" + tenant.role(), "user=" + other), password, "select 1").errors(),
            errors -> errors.contains("password authentication failed"));
        Await.until(PROPAGATED, () -> ended(session), gone -> gone);
        assertThrows(SQLException.class, () -> selectOne(session));
        assertEquals("1", psql.run("select count(*) from notes").output().trim(),
            "the account's other role and its data are untouched");
    }

    private static Connection connectAs(DispatchSystem system, Tenant tenant, String role, String password) {
        try {
            return Jdbc.connect(system, tenant.host(), role, password);
        } catch (SQLException e) {
            return null;
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from notes")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }

    private static boolean ended(Connection connection) {
        try {
            selectOne(connection);
            return false;
        } catch (SQLException e) {
            return true;
        }
    }
}
