package io.pgdispatch.router.cluster;

/**
 * A target named by cluster id (and branch), with the cluster's switch for connections that name it in options and
 * whether its computes authenticate clients themselves.
 */
public record ClusterTarget(Target target, boolean optionsRoutingAllowed, boolean passthrough,
    AnonymousAccess anonymous) {
}
