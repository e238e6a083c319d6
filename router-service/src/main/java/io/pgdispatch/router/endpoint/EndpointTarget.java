package io.pgdispatch.router.endpoint;

/** A target named by endpoint id, with its cluster's switch for connections that name the cluster in options. */
public record EndpointTarget(Endpoint endpoint, boolean optionsRoutingAllowed, boolean passthrough) {
}
