package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A CancelRequest quoting the proxy-issued key interrupts the running statement on the compute. */
@ExtendWith(DispatchSystemExtension.class)
class CancelRequestTest {

    @Test
    void ctrlCInPsqlCancelsALongQuery(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("select 1").exitCode());
        Process running = psql.start("select pg_sleep(60)", tenant.password(), psql.connectionString(""));
        Thread.sleep(2_000);

        long started = System.nanoTime();
        new ProcessBuilder("kill", "-INT", String.valueOf(running.pid())).start().waitFor();

        assertTrue(running.waitFor(20, TimeUnit.SECONDS), "psql still waits after Ctrl-C");
        String errors = new String(running.getErrorStream().readAllBytes());
        assertTrue(errors.contains("canceling statement due to user request"), errors);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void jdbcCancelInterruptsOnlyItsOwnStatement(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        try (Connection busy = Jdbc.connect(system, tenant); Connection other = Jdbc.connect(system, tenant)) {
            Statement sleeping = busy.createStatement();
            CompletableFuture<SQLException> outcome = CompletableFuture.supplyAsync(() ->
                assertThrows(SQLException.class, () -> sleeping.execute("select pg_sleep(60)")));
            Thread.sleep(1_500);

            sleeping.cancel();

            assertEquals("57014", outcome.get(20, TimeUnit.SECONDS).getSQLState());
            try (Statement statement = other.createStatement()) {
                assertTrue(statement.execute("select pg_backend_pid()"));
            }
            try (Statement again = busy.createStatement()) {
                assertTrue(again.execute("select 1"), "the cancelled session stays usable");
            }
        }
    }
}
