package io.pgdispatch.proxy;

import io.pgdispatch.proxy.auth.AuthFailureLimiter;
import io.pgdispatch.proxy.auth.LinkLogins;
import io.pgdispatch.proxy.auth.RoleSecrets;
import io.pgdispatch.proxy.cancel.CancelForwarder;
import io.pgdispatch.proxy.cancel.CancelRegistry;
import io.pgdispatch.proxy.events.ConnectionEvents;
import io.pgdispatch.proxy.routing.TargetResolver;
import io.pgdispatch.proxy.session.AnonymousSessions;
import io.pgdispatch.proxy.session.ClientSession;
import io.pgdispatch.proxy.session.Entrance;
import io.pgdispatch.proxy.session.OpenConnections;
import io.pgdispatch.proxy.session.SessionServices;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL listeners: the shared one, bound at start, and those {@link #listen} binds later (the dedicated
 * addresses of endpoints). For each, one verticle per event loop binds the same port, so accepted connections
 * spread over the loops, and each session relays on the loop that accepted it.
 */
@ApplicationScoped
public class ProxyServer {

    private static final Logger LOG = Logger.getLogger(ProxyServer.class);

    private final AtomicBoolean listening = new AtomicBoolean();

    @Inject
    Vertx vertx;

    @Inject
    ProxyConfig config;

    @Inject
    RoleSecrets roleSecrets;

    @Inject
    AuthFailureLimiter authFailures;

    @Inject
    AnonymousSessions anonymousSessions;

    @Inject
    LinkLogins linkLogins;

    @Inject
    TargetResolver resolver;

    @Inject
    CancelRegistry cancelRegistry;

    @Inject
    ConnectionEvents events;

    @Inject
    OpenConnections connections;

    private KeyCertOptions certificates;

    @PostConstruct
    void loadCertificates() {
        certificates = Certificates.load(config.certificates());
    }

    void start(@Observes StartupEvent ignored) {
        listen(config.host(), config.port(), Entrance.shared(config.proxyProtocol()))
            .toCompletionStage().toCompletableFuture().join();
        listening.set(true);
        LOG.infof("PostgreSQL listener on %s:%d with %d event loops, native transport %s, TLS by %s, PROXY protocol"
            + " %s", config.host(), config.port(), eventLoops(), vertx.isNativeTransportEnabled(),
            OpenSSLEngineOptions.isAvailable() ? "OpenSSL" : "the JDK", config.proxyProtocol());
    }

    /**
     * Drains before the rest of the application stops (the events of ending sessions still reach Kafka): readiness
     * goes down, new sessions are refused with 57P03, and the open ones get the drain timeout to end.
     */
    void drain(@Observes ShutdownEvent ignored) throws InterruptedException {
        listening.set(false);
        int open = connections.open();
        if (open > 0) {
            LOG.infof("Draining: %d connections open, new sessions refused; waiting up to %d s for them to end",
                open, config.drainTimeout().toSeconds());
        }
        int left = connections.drain(config.drainTimeout());
        if (left > 0) {
            LOG.warnf("Drain timeout passed with %d connections open: they are cut", left);
        } else if (open > 0) {
            LOG.info("Drained: every connection has ended");
        }
    }

    /**
     * Binds {@code host:port} for sessions that come in through {@code entrance}, on every event loop. The
     * returned id closes the listener again through {@link #close}.
     */
    public Future<String> listen(String host, int port, Entrance entrance) {
        NetServerOptions options = new NetServerOptions()
            .setHost(host)
            .setPort(port)
            .setTcpNoDelay(true)
            .setSni(true)
            .setKeyCertOptions(certificates);
        if (OpenSSLEngineOptions.isAvailable()) {
            options.setSslEngineOptions(new OpenSSLEngineOptions());
        }
        return vertx.deployVerticle(() -> new Listener(options, entrance),
            new DeploymentOptions().setInstances(eventLoops()));
    }

    /** Stops accepting on a listener bound by {@link #listen}; its sessions go on. */
    public Future<Void> close(String listenerId) {
        return vertx.undeploy(listenerId);
    }

    private int eventLoops() {
        return config.eventLoops() > 0 ? config.eventLoops() : Runtime.getRuntime().availableProcessors();
    }

    /** Whether the shared listener is bound: the proxy's readiness. */
    public boolean listening() {
        return listening.get();
    }

    /** Accepts connections on one event loop; TLS starts only after SSLRequest, so the server is not TLS. */
    private final class Listener extends AbstractVerticle {

        private final NetServerOptions options;
        private final Entrance entrance;

        Listener(NetServerOptions options, Entrance entrance) {
            this.options = options;
            this.entrance = entrance;
        }

        @Override
        public void start(Promise<Void> started) {
            var computeClient = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)
                .setConnectTimeout((int) config.computeTimeout().toMillis()));
            SessionServices services = new SessionServices(vertx, config, roleSecrets, authFailures, anonymousSessions,
                linkLogins, resolver, cancelRegistry, new CancelForwarder(cancelRegistry, computeClient), events,
                computeClient, new SecureRandom(), connections);
            vertx.createNetServer(options)
                .connectHandler(socket -> {
                    connections.track(socket);
                    new ClientSession(socket, services, entrance, context).start();
                })
                .listen()
                .<Void>mapEmpty()
                .onComplete(started);
        }
    }
}
