package io.pgdispatch.router.cluster;

/**
 * compute-manager could not finish removing a branch's computes and storage. The branch stays listed but serves
 * no connection (compute-manager refuses it from the start of the removal); deleting it again finishes the work.
 */
public class BranchDeletionFailedException extends RuntimeException {

    public BranchDeletionFailedException(String branchName, String reason) {
        super("branch " + Quoted.of(branchName) + " was not deleted completely (" + reason + "); it serves no"
            + " connection any more: delete it again");
    }
}
