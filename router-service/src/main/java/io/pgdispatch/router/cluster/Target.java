package io.pgdispatch.router.cluster;

/** A cluster's branch as a connection addresses it, with the account that owns it. */
public record Target(String accountId, String clusterId, String branchId, String branchName) {
}
