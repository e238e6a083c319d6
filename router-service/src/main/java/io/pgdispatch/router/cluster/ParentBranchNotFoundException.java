package io.pgdispatch.router.cluster;

/**
 * The parent named in a request to create a branch does not exist. Unlike {@link BranchNotFoundException} the
 * request's address (the cluster) exists; it is the request's content that is wrong.
 */
public class ParentBranchNotFoundException extends RuntimeException {

    public ParentBranchNotFoundException(String clusterId, String parentName) {
        super("parent branch " + Quoted.of(parentName) + " not found in cluster " + Quoted.of(clusterId)
            + ": name an existing branch as parent, or leave parent out to branch from main");
    }
}
