package io.pgdispatch.proxy;

import io.pgdispatch.proxy.proxyprotocol.ProxyProtocolMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the PostgreSQL listener and of the sessions it accepts. */
@ConfigMapping(prefix = "dispatch.proxy")
public interface ProxyConfig {

    /** Address the PostgreSQL listener binds. */
    @WithDefault("0.0.0.0")
    String host();

    /** Port of the PostgreSQL listener. */
    @WithDefault("4432")
    int port();

    /**
     * Whether the shared listener expects a PROXY protocol header (v1 or v2) from a load balancer before each
     * connection: {@code off}, {@code optional} or {@code required}. Behind a load balancer use {@code required}:
     * the header's client address and VPC endpoint decide access, and with {@code optional} a client that reaches
     * the listener directly could claim any of them.
     */
    @WithDefault("off")
    ProxyProtocolMode proxyProtocol();

    /** The same for the dedicated listeners of endpoints. */
    @WithDefault("off")
    ProxyProtocolMode dedicatedProxyProtocol();

    /** Base domain of the routing host names: {@code <cluster-id>.db.<domain>}. */
    @WithDefault("localtest.me")
    String domain();

    /** Folder of PEM certificate and key pairs ({@code name.crt} beside {@code name.key}), chosen by SNI. */
    @WithDefault("certs")
    Path certificates();

    /** Time a client has from connecting until it has authenticated; then it gets 08P01 and is closed. */
    @WithDefault("10s")
    Duration handshakeTimeout();

    /** Time to wait for the compute (including a start or wake); then the client gets 57P03. */
    @WithDefault("60s")
    Duration computeTimeout();

    /**
     * How long a target found by router-service (a cluster's branch or an endpoint with its access rules) is
     * reused. Catalog events drop changed entries sooner; this bounds staleness when an event is lost.
     */
    @WithDefault("5m")
    Duration targetCacheTtl();

    /** How often the dedicated listeners are compared with router-service's endpoints, besides catalog events. */
    @WithDefault("30s")
    Duration listenerRefreshInterval();

    /** How long a role's verifier fetched from auth-service is reused. */
    @WithDefault("60s")
    Duration roleCacheTtl();

    /** Failed logins from one client subnet to one endpoint or cluster within the window before it is refused. */
    @WithDefault("20")
    int authFailureLimit();

    /** The window in which {@link #authFailureLimit()} failed logins are counted. */
    @WithDefault("1m")
    Duration authFailureWindow();

    /**
     * How long a stopping proxy waits for its open sessions to end, refusing new ones with 57P03; sessions still
     * open then are cut. Keep it below the time the platform gives the process to stop (on Kubernetes the pod's
     * terminationGracePeriodSeconds less its preStop pause).
     */
    @WithDefault("30s")
    Duration drainTimeout();

    /** Number of event loops accepting and relaying sessions; 0 means one per available core. */
    @WithDefault("0")
    int eventLoops();
}
