package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fifty clients arriving at once at a suspended compute cause exactly one start, and all of them get in. */
@ExtendWith(DispatchSystemExtension.class)
class ConcurrentWakeTest {

    private static final int CLIENTS = 50;

    @Test
    void fiftyConnectionsToASuspendedComputeShareOneStart(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        try (ComputeEventLog events = new ComputeEventLog(system)) {
            assertEquals(0, new Psql(system, tenant).run("select 1").exitCode());
            events.await(tenant.clusterId(), "SUSPENDED", 1, Duration.ofSeconds(30));

            Set<Integer> backends = connectAllAtOnce(system, tenant);

            assertEquals(CLIENTS, backends.size(), "every client has its own compute session");
            assertEquals(2, events.await(tenant.clusterId(), "STARTED", 2, Duration.ofSeconds(5)).size(),
                "one start before the suspend and exactly one wake");
        }
    }

    private static Set<Integer> connectAllAtOnce(DispatchSystem system, Tenant tenant) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch allConnected = new CountDownLatch(CLIENTS);
        try {
            List<Future<Integer>> sessions = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                sessions.add(pool.submit(() -> {
                    go.await();
                    try (Connection connection = Jdbc.connect(system, tenant);
                            Statement statement = connection.createStatement();
                            ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
                        result.next();
                        allConnected.countDown();
                        allConnected.await();
                        return result.getInt(1);
                    }
                }));
            }
            go.countDown();
            Set<Integer> backends = new HashSet<>();
            for (Future<Integer> session : sessions) {
                backends.add(session.get());
            }
            return backends;
        } finally {
            pool.shutdownNow();
        }
    }
}
