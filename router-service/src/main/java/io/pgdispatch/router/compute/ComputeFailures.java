package io.pgdispatch.router.compute;

import io.grpc.Status;

/** Turns the status of a failed call to compute-manager into a {@link ComputeUnavailableException}. */
final class ComputeFailures {

    private ComputeFailures() {
    }

    /**
     * compute-manager's own UNAVAILABLE and DEADLINE_EXCEEDED answers already say what went wrong, so their
     * description is kept. A transport failure (the status carries a local cause) means compute-manager itself
     * could not be reached.
     */
    static ComputeUnavailableException of(Status status) {
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return new ComputeUnavailableException(status.getDescription(), true);
        }
        if (status.getCode() == Status.Code.UNAVAILABLE && status.getCause() != null) {
            return new ComputeUnavailableException("compute-manager unreachable", false);
        }
        if (status.getCode() == Status.Code.UNAVAILABLE) {
            return new ComputeUnavailableException(status.getDescription(), false);
        }
        return new ComputeUnavailableException("compute-manager failed: " + status.getCode() + " "
            + status.getDescription(), false);
    }

    /**
     * As {@link #of(Status)}, but ALREADY_EXISTS gets its own message: router gives every new branch a fresh
     * random id, so storage under that id cannot be the copy this request asked for.
     */
    static ComputeUnavailableException ofCreateBranch(Status status, String branchId) {
        if (status.getCode() == Status.Code.ALREADY_EXISTS) {
            return new ComputeUnavailableException("compute-manager already holds storage for branch id "
                + branchId + ", which this request did not make", false);
        }
        return of(status);
    }
}
