package io.pgdispatch.proxy.routing;

import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import java.util.Locale;

/**
 * What the TLS server name (SNI) of a connection names, under the configured base domain:
 * {@code <cluster-id>.db.<domain>} is a cluster's default branch. Limitation: the endpoint form
 * {@code <endpoint-id>.endpoint.<domain>} and link authentication at {@code start.<domain>} are recognized but
 * refused with 0A000, and a target cannot yet be named by the {@code options} parameter.
 */
public record TargetHost(String clusterId) {

    public static TargetHost parse(String serverName, String domain) {
        if (serverName == null || serverName.isEmpty()) {
            throw new ProtocolException(SqlState.INVALID_CATALOG_NAME, "the connection names no cluster: connect"
                + " with host=<cluster-id>.db." + domain + " so that the client sends it as the TLS server name");
        }
        String host = serverName.toLowerCase(Locale.ROOT);
        String suffix = "." + domain.toLowerCase(Locale.ROOT);
        if (host.equals("start" + suffix)) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED,
                "link authentication at " + host + " is not available yet: connect to <cluster-id>.db." + domain);
        }
        if (!host.endsWith(suffix)) {
            throw unknownHost(serverName, domain);
        }
        String local = host.substring(0, host.length() - suffix.length());
        int dot = local.indexOf('.');
        if (dot < 0) {
            throw unknownHost(serverName, domain);
        }
        String name = local.substring(0, dot);
        String kind = local.substring(dot + 1);
        if (kind.equals("endpoint")) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED,
                "endpoints are not available yet: connect to <cluster-id>.db." + domain);
        }
        if (!kind.equals("db")) {
            throw unknownHost(serverName, domain);
        }
        ResourceName.problem(name).ifPresent(problem -> {
            throw new ProtocolException(SqlState.INVALID_CATALOG_NAME,
                "cluster id \"" + name + "\" in host name " + serverName + " " + problem);
        });
        return new TargetHost(name);
    }

    private static ProtocolException unknownHost(String serverName, String domain) {
        return new ProtocolException(SqlState.INVALID_CATALOG_NAME, "the host name " + serverName
            + " names no cluster: connect to <cluster-id>.db." + domain);
    }
}
