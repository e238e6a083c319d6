package io.pgdispatch.router.api;

import io.pgdispatch.router.auth.AuthUnavailableException;
import io.pgdispatch.router.auth.UnauthenticatedException;
import io.pgdispatch.router.cluster.BranchCopyFailedException;
import io.pgdispatch.router.cluster.BranchDeletionFailedException;
import io.pgdispatch.router.cluster.BranchExistsException;
import io.pgdispatch.router.cluster.BranchInUseException;
import io.pgdispatch.router.cluster.BranchNotFoundException;
import io.pgdispatch.router.cluster.ClusterDeletionFailedException;
import io.pgdispatch.router.cluster.ClusterNotFoundException;
import io.pgdispatch.router.cluster.InvalidBranchNameException;
import io.pgdispatch.router.cluster.InvalidClusterNameException;
import io.pgdispatch.router.cluster.InvalidClusterSettingsException;
import io.pgdispatch.router.cluster.InvalidPointInTimeException;
import io.pgdispatch.router.cluster.ParentBranchNotFoundException;
import io.pgdispatch.router.compute.PointInTimeOutOfRangeException;
import io.pgdispatch.router.endpoint.EndpointNotFoundException;
import io.pgdispatch.router.endpoint.InvalidEndpointSettingsException;
import io.pgdispatch.router.endpoint.ListenAddressInUseException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the domain failures of the management API into statuses with an {@link ErrorBody}. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthenticatedException failure) {
        return error(Status.UNAUTHORIZED, failure);
    }

    @ServerExceptionMapper
    public Response authUnavailable(AuthUnavailableException failure) {
        return error(Status.SERVICE_UNAVAILABLE, failure);
    }

    @ServerExceptionMapper
    public Response clusterNotFound(ClusterNotFoundException failure) {
        return error(Status.NOT_FOUND, failure);
    }

    @ServerExceptionMapper
    public Response invalidName(InvalidClusterNameException failure) {
        return error(Status.BAD_REQUEST, failure);
    }

    @ServerExceptionMapper
    public Response invalidBranchName(InvalidBranchNameException failure) {
        return error(Status.BAD_REQUEST, failure);
    }

    /** 400 rather than 404: the cluster in the path exists, it is the body that names a missing branch. */
    @ServerExceptionMapper
    public Response parentNotFound(ParentBranchNotFoundException failure) {
        return error(Status.BAD_REQUEST, failure);
    }

    @ServerExceptionMapper
    public Response invalidPointInTime(InvalidPointInTimeException failure) {
        return error(Status.BAD_REQUEST, failure);
    }

    /** The body named a moment the parent's history does not hold: in the future or before it begins. */
    @ServerExceptionMapper
    public Response pointOutOfRange(PointInTimeOutOfRangeException failure) {
        return error(Status.BAD_REQUEST, failure);
    }

    @ServerExceptionMapper
    public Response clusterDeletionFailed(ClusterDeletionFailedException failure) {
        return error(Status.SERVICE_UNAVAILABLE, failure);
    }

    @ServerExceptionMapper
    public Response branchNotFound(BranchNotFoundException failure) {
        return error(Status.NOT_FOUND, failure);
    }

    @ServerExceptionMapper
    public Response branchInUse(BranchInUseException failure) {
        return error(Status.CONFLICT, failure);
    }

    @ServerExceptionMapper
    public Response branchDeletionFailed(BranchDeletionFailedException failure) {
        return error(Status.SERVICE_UNAVAILABLE, failure);
    }

    @ServerExceptionMapper
    public Response branchExists(BranchExistsException failure) {
        return error(Status.CONFLICT, failure);
    }

    @ServerExceptionMapper
    public Response branchCopyFailed(BranchCopyFailedException failure) {
        return error(Status.SERVICE_UNAVAILABLE, failure);
    }

    @ServerExceptionMapper
    public Response invalidClusterSettings(InvalidClusterSettingsException failure) {
        return error(Status.BAD_REQUEST, failure);
    }

    @ServerExceptionMapper
    public Response endpointNotFound(EndpointNotFoundException failure) {
        return error(Status.NOT_FOUND, failure);
    }

    @ServerExceptionMapper
    public Response invalidEndpointSettings(InvalidEndpointSettingsException failure) {
        return error(Status.BAD_REQUEST, failure);
    }

    @ServerExceptionMapper
    public Response listenAddressInUse(ListenAddressInUseException failure) {
        return error(Status.CONFLICT, failure);
    }

    private static Response error(Status status, RuntimeException failure) {
        return Response.status(status).entity(new ErrorBody(failure.getMessage())).build();
    }
}
