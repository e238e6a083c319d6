package io.pgdispatch.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The proxy is ready once its shared PostgreSQL listener is bound on every event loop. */
@ApplicationScoped
@Readiness
public class ListenerReadiness implements HealthCheck {

    private final ProxyServer server;

    ListenerReadiness(ProxyServer server) {
        this.server = server;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("postgresql-listener").status(server.listening()).build();
    }
}
