package io.pgdispatch.proxy;

import io.pgdispatch.proxy.auth.RoleSecrets;
import io.pgdispatch.proxy.cancel.CancelForwarder;
import io.pgdispatch.proxy.cancel.CancelRegistry;
import io.pgdispatch.proxy.events.ConnectionEvents;
import io.pgdispatch.proxy.routing.TargetResolver;
import io.pgdispatch.proxy.session.ClientSession;
import io.pgdispatch.proxy.session.Entrance;
import io.pgdispatch.proxy.session.SessionServices;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL listener. One verticle per event loop binds the same port, so accepted connections spread over
 * the loops, and each session relays on the loop that accepted it. Ready once every listener is bound.
 */
@ApplicationScoped
@Readiness
public class ProxyServer implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ProxyServer.class);

    private final AtomicBoolean listening = new AtomicBoolean();

    @Inject
    Vertx vertx;

    @Inject
    ProxyConfig config;

    @Inject
    RoleSecrets roleSecrets;

    @Inject
    TargetResolver resolver;

    @Inject
    CancelRegistry cancelRegistry;

    @Inject
    ConnectionEvents events;

    void start(@Observes StartupEvent ignored) {
        NetServerOptions options = new NetServerOptions()
            .setHost(config.host())
            .setPort(config.port())
            .setTcpNoDelay(true)
            .setSni(true)
            .setKeyCertOptions(Certificates.load(config.certificates()));
        if (OpenSSLEngineOptions.isAvailable()) {
            options.setSslEngineOptions(new OpenSSLEngineOptions());
        }
        int instances = config.eventLoops() > 0 ? config.eventLoops() : Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new Listener(options), new DeploymentOptions().setInstances(instances))
            .toCompletionStage().toCompletableFuture().join();
        listening.set(true);
        LOG.infof("PostgreSQL listener on %s:%d with %d event loops, native transport %s, TLS by %s", config.host(),
            config.port(), instances, vertx.isNativeTransportEnabled(),
            options.getSslEngineOptions() instanceof OpenSSLEngineOptions ? "OpenSSL" : "the JDK");
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("postgresql-listener").status(listening.get()).build();
    }

    /** Accepts connections on one event loop; TLS starts only after SSLRequest, so the server is not TLS. */
    private final class Listener extends AbstractVerticle {

        private final NetServerOptions options;

        Listener(NetServerOptions options) {
            this.options = options;
        }

        @Override
        public void start(Promise<Void> started) {
            var computeClient = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)
                .setConnectTimeout((int) config.computeTimeout().toMillis()));
            SessionServices services = new SessionServices(vertx, config, roleSecrets, resolver, cancelRegistry,
                new CancelForwarder(cancelRegistry, computeClient), events, computeClient, new SecureRandom());
            vertx.createNetServer(options)
                .connectHandler(socket -> new ClientSession(socket, services, Entrance.SHARED, context).start())
                .listen()
                .<Void>mapEmpty()
                .onComplete(started);
        }
    }
}
