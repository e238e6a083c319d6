package io.pgdispatch.router.cluster;

/** compute-manager could not copy the parent's data for a new branch; the branch was removed again. */
public class BranchCopyFailedException extends RuntimeException {

    public BranchCopyFailedException(String branchName, String parentName, String reason) {
        super("branch " + Quoted.of(branchName) + " was not created because its parent " + Quoted.of(parentName)
            + " could not be copied (" + reason + "); nothing was kept: try again later");
    }
}
