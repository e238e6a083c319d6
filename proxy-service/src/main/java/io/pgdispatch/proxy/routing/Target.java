package io.pgdispatch.proxy.routing;

/** A target the router knows: the branch of a cluster and the account that owns them. */
public record Target(String accountId, String clusterId, String branchId, String branchName) {

    @Override
    public String toString() {
        return clusterId + "/" + branchName;
    }
}
