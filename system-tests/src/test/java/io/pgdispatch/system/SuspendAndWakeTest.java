package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A compute left idle is suspended (a clean shutdown announced on Kafka), and the next psql connection wakes it
 * with every committed row in place.
 */
@ExtendWith(DispatchSystemExtension.class)
class SuspendAndWakeTest {

    @Test
    void anIdleComputeSuspendsAndTheNextConnectionWakesItWithItsData(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        try (ComputeEventLog events = new ComputeEventLog(system)) {
            Psql.Result written = psql.run("create table orders (id int primary key);"
                + "insert into orders select generate_series(1, 1000);");
            assertEquals(0, written.exitCode(), written.errors());

            events.await(tenant.clusterId(), "SUSPENDED", 1, Duration.ofSeconds(30));
            Psql.Result read = psql.run("select count(*), sum(id) from orders");

            assertEquals("1000|500500", read.output(), read.errors());
            assertEquals(2, events.await(tenant.clusterId(), "STARTED", 2, Duration.ofSeconds(5)).size());
        }
    }

    @Test
    void anOpenSessionKeepsItsComputeRunning(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        try (ComputeEventLog events = new ComputeEventLog(system);
                var session = Jdbc.connect(system, tenant)) {
            Thread.sleep(Duration.parse("PT" + DispatchSystem.IDLE_TIMEOUT).toMillis() * 3);

            assertEquals(0, events.of(tenant.clusterId(), "SUSPENDED").size());
            try (var statement = session.createStatement()) {
                statement.execute("select 1");
            }
        }
    }
}
