package io.pgdispatch.router.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One database project of an account, with its branches. {@code optionsRoutingAllowed} is false when the cluster
 * accepts connections only through its endpoints, not by its id in the options parameter.
 */
public record Cluster(String id, String accountId, String name, Instant createdAt, boolean optionsRoutingAllowed,
    List<Branch> branches) {
}
