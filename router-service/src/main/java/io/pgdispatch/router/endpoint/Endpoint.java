package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.PointInTime;
import io.pgdispatch.router.cluster.Target;
import java.time.Instant;
import java.util.Optional;

/**
 * A named, pre-defined target of a cluster, reachable as {@code <id>.endpoint.<domain>}, with its own access rules,
 * optionally a dedicated listener address ({@code listenAddress}, null for none), and optionally an anonymous access
 * of its own instead of its cluster's.
 */
public record Endpoint(String id, Target target, PointInTime pointInTime, boolean readReplica, AccessRules access,
    String listenAddress, Optional<AnonymousAccess> anonymous, Instant createdAt, Instant updatedAt) {
}
