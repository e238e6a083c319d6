package io.pgdispatch.router.grpc;

import io.grpc.Status;
import io.pgdispatch.router.cluster.BranchNotFoundException;
import io.pgdispatch.router.cluster.ClusterNotFoundException;
import io.pgdispatch.router.compute.ComputeUnavailableException;
import io.pgdispatch.router.compute.PointInTimeOutOfRangeException;
import io.pgdispatch.router.endpoint.EndpointNotFoundException;

/** Maps router's domain failures to the gRPC statuses the proxy turns into SQLSTATEs. */
final class GrpcStatuses {

    private GrpcStatuses() {
    }

    static Throwable toStatus(Throwable failure) {
        if (failure instanceof ClusterNotFoundException || failure instanceof BranchNotFoundException
                || failure instanceof EndpointNotFoundException) {
            return Status.NOT_FOUND.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof PointInTimeOutOfRangeException) {
            return Status.OUT_OF_RANGE.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof ComputeUnavailableException unavailable) {
            Status status = unavailable.timedOut() ? Status.DEADLINE_EXCEEDED : Status.UNAVAILABLE;
            return status.withDescription(unavailable.getMessage()).asRuntimeException();
        }
        return failure;
    }
}
