package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.AnonymousAccess;

/**
 * A target named by endpoint id, with its cluster's switch for connections that name the cluster in options, and
 * its cluster's authentication and anonymous access, which the endpoint follows.
 */
public record EndpointTarget(Endpoint endpoint, boolean optionsRoutingAllowed, boolean passthrough,
    AnonymousAccess anonymous) {
}
