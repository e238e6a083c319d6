package io.pgdispatch.proxy.cancel;

import io.pgdispatch.proxy.protocol.CancelRequest;
import io.vertx.core.net.NetClient;
import org.jboss.logging.Logger;

/**
 * Passes a client's CancelRequest on to the compute running the session it names, with the compute's own key.
 * As with PostgreSQL, the client is told nothing either way: an unknown key is dropped silently.
 */
public final class CancelForwarder {

    private static final Logger LOG = Logger.getLogger(CancelForwarder.class);

    private final CancelRegistry registry;
    private final NetClient computeClient;

    public CancelForwarder(CancelRegistry registry, NetClient computeClient) {
        this.registry = registry;
        this.computeClient = computeClient;
    }

    public void forward(String sessionId, CancelRequest request) {
        registry.find(request).ifPresentOrElse(target -> computeClient.connect(target.port(), target.host())
            .onSuccess(socket -> socket.end(target.request().encode()))
            .onComplete(result -> LOG.infof("[%s] cancel request forwarded to %s:%d: %s", sessionId,
                target.host(), target.port(), result.succeeded() ? "sent" : result.cause().getMessage())),
            () -> LOG.infof("[%s] cancel request with an unknown key dropped", sessionId));
    }
}
