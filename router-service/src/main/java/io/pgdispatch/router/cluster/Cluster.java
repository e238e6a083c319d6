package io.pgdispatch.router.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One database project of an account, with its branches. {@code optionsRoutingAllowed} is false when the cluster
 * accepts connections only through its endpoints, not by its id in the options parameter; {@code passthrough} is set
 * when its computes authenticate clients themselves, and {@code anonymous} says whether it serves sessions without
 * a role.
 */
public record Cluster(String id, String accountId, String name, Instant createdAt, boolean optionsRoutingAllowed,
    Optional<ComputeAuthentication> passthrough, AnonymousAccess anonymous, List<Branch> branches) {
}
