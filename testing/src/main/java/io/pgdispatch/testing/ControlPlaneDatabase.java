package io.pgdispatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real PostgreSQL for a {@code @QuarkusTest} and points both the reactive client and Flyway's JDBC
 * connection at it. One server per test resource; the services' schemas are made by their own migrations.
 */
public class ControlPlaneDatabase implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start();
        return Map.of(
            "quarkus.datasource.username", PostgresServer.USER,
            "quarkus.datasource.password", PostgresServer.PASSWORD,
            "quarkus.datasource.reactive.url", "postgresql://" + server.hostAndPort() + "/postgres",
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + server.hostAndPort() + "/postgres");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
