package io.pgdispatch.router.cluster;

import java.util.Optional;

/** A target the proxy connects to, with how its cluster's computes authenticate (empty: the proxy's SCRAM). */
public record ConnectableTarget(Target target, Optional<ComputeAuthentication> passthrough) {
}
