package io.pgdispatch.router.cluster;

/** The cluster exists but has no branch by this name or id. */
public class BranchNotFoundException extends RuntimeException {

    public BranchNotFoundException(String clusterId, String branch) {
        super("branch " + Quoted.of(branch) + " not found in cluster " + Quoted.of(clusterId)
            + ": check the branch name");
    }
}
