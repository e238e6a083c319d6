package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.PointInTime;
/**
 * What the owner of an endpoint chooses, already checked: the branch by name, the point in time, primary or read
 * replica, the access rules, and the canonical dedicated listener address (null for none).
 */
public record EndpointSettings(String branchName, PointInTime pointInTime, boolean readReplica,
    AccessRules access, String listenAddress) {
}
