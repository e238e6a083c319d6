package io.pgdispatch.compute.lifecycle;

/** A branch's storage could not be copied from its parent; the message is what the caller of CreateBranch is told. */
public class BranchCopyException extends RuntimeException {

    public BranchCopyException(String branchId, String parentBranchId, Throwable cause) {
        super("branch " + branchId + " could not be copied from branch " + parentBranchId + ": " + cause.getMessage(),
            cause);
    }
}
