package io.pgdispatch.proxy.routing;

import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import java.util.Locale;
import java.util.Optional;

/**
 * What the TLS server name (SNI) of a connection names under the configured base domain:
 * {@code <cluster-id>.db.<domain>} is a cluster and {@code <endpoint-id>.endpoint.<domain>} an endpoint. A
 * connection without SNI (libpq sends none for an IP address) or with a name outside the domain names nothing
 * here, and may name its target in {@code options} or in its password.
 *
 * <p>{@code start.<domain>} names no target: the connection logs in by link, and the person chooses the target.
 */
public record TargetHost(Kind kind, String id) {

    /** What a host name can name. */
    public enum Kind {
        CLUSTER("cluster", "db"),
        ENDPOINT("endpoint", "endpoint");

        private final String noun;
        private final String label;

        Kind(String noun, String label) {
            this.noun = noun;
            this.label = label;
        }

        /** The word for it in messages. */
        public String noun() {
            return noun;
        }
    }

    public static TargetHost cluster(String clusterId) {
        return new TargetHost(Kind.CLUSTER, clusterId);
    }

    public static TargetHost endpoint(String endpointId) {
        return new TargetHost(Kind.ENDPOINT, endpointId);
    }

    /** Whether the server name is {@code start.<domain>}, which names no target but asks for a login by link. */
    public static boolean isLinkHost(String serverName, String domain) {
        return serverName != null && serverName.equalsIgnoreCase("start." + domain);
    }

    public static Optional<TargetHost> parse(String serverName, String domain) {
        if (serverName == null || serverName.isEmpty()) {
            return Optional.empty();
        }
        String host = serverName.toLowerCase(Locale.ROOT);
        String suffix = "." + domain.toLowerCase(Locale.ROOT);
        if (!host.endsWith(suffix)) {
            return Optional.empty();
        }
        if (isLinkHost(serverName, domain)) {
            return Optional.empty();
        }
        String local = host.substring(0, host.length() - suffix.length());
        int dot = local.indexOf('.');
        String label = dot < 0 ? "" : local.substring(dot + 1);
        for (Kind kind : Kind.values()) {
            if (kind.label.equals(label)) {
                String name = local.substring(0, dot);
                ResourceName.problem(name).ifPresent(problem -> {
                    throw new ProtocolException(SqlState.INVALID_CATALOG_NAME,
                        kind.noun + " id \"" + name + "\" in host name " + serverName + " " + problem);
                });
                return Optional.of(new TargetHost(kind, name));
            }
        }
        throw new ProtocolException(SqlState.INVALID_CATALOG_NAME, "the host name " + serverName
            + " names no cluster or endpoint: connect to <cluster-id>.db." + domain + " or <endpoint-id>.endpoint."
            + domain);
    }

    @Override
    public String toString() {
        return kind.noun + " \"" + id + "\"";
    }
}
