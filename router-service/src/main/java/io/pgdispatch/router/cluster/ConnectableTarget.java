package io.pgdispatch.router.cluster;

import java.util.Optional;

/**
 * A target the proxy connects to, with how its cluster's computes authenticate (empty: the proxy's SCRAM) and
 * whether it serves anonymous sessions.
 */
public record ConnectableTarget(Target target, Optional<ComputeAuthentication> passthrough,
    AnonymousAccess anonymous) {
}
