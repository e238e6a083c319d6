package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.PointInTime;
import io.pgdispatch.router.cluster.Target;
import java.time.Instant;

/**
 * A named, pre-defined target of a cluster, reachable as {@code <id>.endpoint.<domain>}, with its own access rules
 * and optionally a dedicated listener address ({@code listenAddress}, null for none).
 */
public record Endpoint(String id, Target target, PointInTime pointInTime, boolean readReplica, AccessRules access,
    String listenAddress, Instant createdAt, Instant updatedAt) {
}
