package io.pgdispatch.router.cluster;

/** The cluster already has a branch by this name; names are unique within a cluster. */
public class BranchExistsException extends RuntimeException {

    public BranchExistsException(String clusterId, String branchName) {
        super("cluster " + Quoted.of(clusterId) + " already has a branch " + Quoted.of(branchName)
            + ": choose another name");
    }
}
