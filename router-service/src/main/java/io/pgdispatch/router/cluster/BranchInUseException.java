package io.pgdispatch.router.cluster;

/** The branch cannot be deleted while something depends on it: the reason says what, and how to proceed. */
public class BranchInUseException extends RuntimeException {

    public BranchInUseException(String clusterId, String branchName, String reason) {
        super("branch " + Quoted.of(branchName) + " of cluster " + Quoted.of(clusterId) + " cannot be deleted: "
            + reason);
    }
}
