package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.AnonymousAccess;

/**
 * A target named by endpoint id, with its cluster's switch for connections that name the cluster in options, its
 * cluster's authentication, which the endpoint follows, and its cluster's anonymous access, which the endpoint's
 * own replaces.
 */
public record EndpointTarget(Endpoint endpoint, boolean optionsRoutingAllowed, boolean passthrough,
    AnonymousAccess clusterAnonymous) {

    /** The anonymous access that applies to connections through the endpoint. */
    public AnonymousAccess anonymous() {
        return endpoint.anonymous().orElse(clusterAnonymous);
    }
}
