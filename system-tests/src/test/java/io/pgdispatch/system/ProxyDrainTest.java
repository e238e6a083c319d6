package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A proxy asked to stop (SIGTERM, as Kubernetes does) drains: new sessions are refused with 57P03 while the open
 * ones go on, and the process ends as soon as the last of them has closed, before its drain timeout.
 */
@ExtendWith(DispatchSystemExtension.class)
class ProxyDrainTest {

    private static final Duration REFUSING = Duration.ofSeconds(10);
    private static final Duration ENDED = Duration.ofSeconds(15);

    @Test
    void openSessionsGoOnWhileNewOnesAreRefusedAndTheProxyEndsWithTheLast(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int)").exitCode());
        Connection first = Jdbc.connect(system, tenant);
        Connection second = Jdbc.connect(system, tenant);
        try {
            system.terminate("proxy-service");

            String refused = Await.until(REFUSING, () -> refusal(system, tenant), reason -> !reason.isEmpty());
            insert(first, 1);
            insert(second, 2);
            first.close();
            assertFalse(system.exited("proxy-service", Duration.ofSeconds(1)), "a session is still open");
            assertEquals(2, count(second), "an open session still reads and writes");
            second.close();

            assertTrue(refused.startsWith("57P03 ") && refused.contains("this proxy is shutting down: connect again"),
                refused);
            assertTrue(system.exited("proxy-service", ENDED), "the proxy ends once its last session has closed");
            assertTrue(system.log("proxy-service").contains("Drained: every connection has ended"));
        } finally {
            system.crash("proxy-service");
            system.restart("proxy-service");
        }
        assertEquals("2", psql.run("select count(*) from notes").output().trim(), "nothing written was lost");
    }

    /** The SQLSTATE and message a new session is refused with, empty while sessions are still admitted. */
    private static String refusal(DispatchSystem system, Tenant tenant) {
        try (Connection admitted = Jdbc.connect(system, tenant)) {
            return "";
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into notes values (" + id + ")");
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from notes")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
