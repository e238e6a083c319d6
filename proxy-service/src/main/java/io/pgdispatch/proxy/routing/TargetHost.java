package io.pgdispatch.proxy.routing;

import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import java.util.Locale;
import java.util.Optional;

/**
 * What the TLS server name (SNI) of a connection names under the configured base domain:
 * {@code <cluster-id>.db.<domain>} is a cluster. A connection without SNI (libpq sends none for an IP address)
 * or with a name outside the domain names nothing here, and may name its cluster in {@code options}.
 * Limitation: the endpoint form {@code <endpoint-id>.endpoint.<domain>} and link authentication at
 * {@code start.<domain>} are recognized but refused with 0A000.
 */
public record TargetHost(String clusterId) {

    public static Optional<TargetHost> parse(String serverName, String domain) {
        if (serverName == null || serverName.isEmpty()) {
            return Optional.empty();
        }
        String host = serverName.toLowerCase(Locale.ROOT);
        String suffix = "." + domain.toLowerCase(Locale.ROOT);
        if (!host.endsWith(suffix)) {
            return Optional.empty();
        }
        if (host.equals("start" + suffix)) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED,
                "link authentication at " + host + " is not available yet: connect to <cluster-id>.db." + domain);
        }
        String local = host.substring(0, host.length() - suffix.length());
        int dot = local.indexOf('.');
        String kind = dot < 0 ? "" : local.substring(dot + 1);
        if (kind.equals("endpoint")) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED,
                "endpoints are not available yet: connect to <cluster-id>.db." + domain);
        }
        if (!kind.equals("db")) {
            throw new ProtocolException(SqlState.INVALID_CATALOG_NAME, "the host name " + serverName
                + " names no cluster: connect to <cluster-id>.db." + domain);
        }
        String name = local.substring(0, dot);
        ResourceName.problem(name).ifPresent(problem -> {
            throw new ProtocolException(SqlState.INVALID_CATALOG_NAME,
                "cluster id \"" + name + "\" in host name " + serverName + " " + problem);
        });
        return Optional.of(new TargetHost(name));
    }
}
