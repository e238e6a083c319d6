package io.pgdispatch.proxy.session;

import io.pgdispatch.proxy.ProxyConfig;
import io.pgdispatch.proxy.auth.AuthFailureLimiter;
import io.pgdispatch.proxy.auth.LinkLogins;
import io.pgdispatch.proxy.auth.RoleSecrets;
import io.pgdispatch.proxy.cancel.CancelForwarder;
import io.pgdispatch.proxy.cancel.CancelRegistry;
import io.pgdispatch.proxy.events.ConnectionEvents;
import io.pgdispatch.proxy.routing.TargetResolver;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.security.SecureRandom;

/**
 * What a session needs beyond its own socket. One per event loop: {@code computeClient} belongs to that loop, so
 * a session and its compute connection share one thread and relay without handing buffers across threads.
 */
public record SessionServices(
        Vertx vertx,
        ProxyConfig config,
        RoleSecrets roleSecrets,
        AuthFailureLimiter authFailures,
        AnonymousSessions anonymousSessions,
        LinkLogins linkLogins,
        TargetResolver resolver,
        CancelRegistry cancelRegistry,
        CancelForwarder cancelForwarder,
        ConnectionEvents events,
        NetClient computeClient,
        SecureRandom random,
        OpenConnections connections) {
}
