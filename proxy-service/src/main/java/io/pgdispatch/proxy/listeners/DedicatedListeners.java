package io.pgdispatch.proxy.listeners;

import io.pgdispatch.contract.router.v1.DedicatedListener;
import io.pgdispatch.contract.router.v1.ListDedicatedListenersRequest;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.proxy.ProxyConfig;
import io.pgdispatch.proxy.ProxyServer;
import io.pgdispatch.proxy.session.Entrance;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The listeners of endpoints that have a dedicated address: everything that arrives there is for that endpoint,
 * for clients that can name their target neither by server name nor in options. The set follows router-service:
 * it is read at start, after each catalog event about an endpoint, and every
 * {@link ProxyConfig#listenerRefreshInterval()} as a safety net for a lost event. An address that cannot be
 * bound (in use, or not an address of this host) is logged and tried again at the next refresh; the other
 * listeners are not affected.
 *
 * <p>Refreshes run one at a time: a refresh asked for while one runs is done once more after it.
 */
@ApplicationScoped
public class DedicatedListeners {

    private static final Logger LOG = Logger.getLogger(DedicatedListeners.class);

    @GrpcClient("router")
    RouterService router;

    private final ProxyServer server;
    private final ProxyConfig config;
    private final Vertx vertx;
    /** Bound listeners by endpoint id; guarded by {@code this}. */
    private final Map<String, Bound> bound = new HashMap<>();
    private boolean refreshing;
    private boolean refreshAgain;
    private long timer = -1;

    DedicatedListeners(ProxyServer server, ProxyConfig config, Vertx vertx) {
        this.server = server;
        this.config = config;
        this.vertx = vertx;
    }

    /** After the shared listener is bound (ProxyServer's observer has the default, earlier, priority). */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent ignored) {
        refresh();
        timer = vertx.setPeriodic(config.listenerRefreshInterval().toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Binds new and moved dedicated addresses and closes those of deleted endpoints. */
    public void refresh() {
        synchronized (this) {
            if (refreshing) {
                refreshAgain = true;
                return;
            }
            refreshing = true;
        }
        router.listDedicatedListeners(ListDedicatedListenersRequest.getDefaultInstance())
            .subscribe().with(
                response -> apply(response.getListenersList()).onComplete(ignored -> finished()),
                failure -> {
                    LOG.warnf("dedicated listeners not refreshed, router-service is unreachable: %s",
                        failure.getMessage());
                    finished();
                });
    }

    private void finished() {
        boolean again;
        synchronized (this) {
            refreshing = false;
            again = refreshAgain;
            refreshAgain = false;
        }
        if (again) {
            refresh();
        }
    }

    private Future<Void> apply(List<DedicatedListener> listeners) {
        Map<String, String> wanted = new LinkedHashMap<>();
        listeners.forEach(listener -> wanted.put(listener.getEndpointId(), listener.getAddress()));
        List<Future<?>> steps = new ArrayList<>();
        synchronized (this) {
            bound.entrySet().removeIf(entry -> {
                boolean stale = !entry.getValue().address().toString().equals(wanted.get(entry.getKey()));
                if (stale) {
                    LOG.infof("dedicated listener of endpoint %s on %s closed", entry.getKey(), entry.getValue());
                    steps.add(server.close(entry.getValue().listenerId()));
                }
                return stale;
            });
            wanted.keySet().removeAll(bound.keySet());
        }
        // Closing first frees an address that moved from one endpoint to another in the same change.
        return Future.join(steps).transform(ignored -> Future.join(wanted.entrySet().stream()
            .map(entry -> bind(entry.getKey(), entry.getValue()))
            .toList())).mapEmpty();
    }

    private Future<Void> bind(String endpointId, String text) {
        ListenAddress address;
        try {
            address = ListenAddress.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.warnf("dedicated listener of endpoint %s not bound: %s", endpointId, e.getMessage());
            return Future.succeededFuture();
        }
        Entrance entrance = Entrance.dedicatedTo(endpointId, config.dedicatedProxyProtocol());
        return server.listen(address.host(), address.port(), entrance)
            .onSuccess(listenerId -> {
                synchronized (this) {
                    bound.put(endpointId, new Bound(address, listenerId));
                }
                LOG.infof("dedicated listener of endpoint %s on %s", endpointId, address);
            })
            .onFailure(failure -> LOG.warnf("dedicated listener of endpoint %s on %s not bound, tried again in %d s:"
                + " %s", endpointId, address, config.listenerRefreshInterval().toSeconds(), failure.getMessage()))
            .<Void>mapEmpty()
            .otherwiseEmpty();
    }

    /** A bound dedicated listener. */
    private record Bound(ListenAddress address, String listenerId) {

        @Override
        public String toString() {
            return address.toString();
        }
    }
}
