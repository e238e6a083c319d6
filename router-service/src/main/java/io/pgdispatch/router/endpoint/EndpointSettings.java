package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.PointInTime;
import java.util.Optional;

/**
 * What the owner of an endpoint chooses, already checked: the branch by name, the point in time, primary or read
 * replica, the access rules, the canonical dedicated listener address (null for none), and its own anonymous access
 * (empty to follow its cluster's).
 */
public record EndpointSettings(String branchName, PointInTime pointInTime, boolean readReplica,
    AccessRules access, String listenAddress, Optional<AnonymousAccess> anonymous) {
}
