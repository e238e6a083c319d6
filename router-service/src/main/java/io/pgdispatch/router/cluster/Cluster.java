package io.pgdispatch.router.cluster;

import java.time.Instant;
import java.util.List;

/** One database project of an account, with its branches. */
public record Cluster(String id, String accountId, String name, Instant createdAt, List<Branch> branches) {
}
