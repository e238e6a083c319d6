package io.pgdispatch.auth.api;

import io.pgdispatch.auth.InvalidInputException;
import io.pgdispatch.auth.account.AccountDeletionFailedException;
import io.pgdispatch.auth.apikey.ApiKeyNotFoundException;
import io.pgdispatch.auth.apikey.InvalidApiKeyException;
import io.pgdispatch.auth.apikey.LastApiKeyException;
import io.pgdispatch.auth.link.IdentityTakenException;
import io.pgdispatch.auth.role.RoleExistsException;
import io.pgdispatch.auth.role.RoleNotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the domain exceptions, and the framework's own refusals, into JSON error answers. */
public class ErrorMapping {

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalidInput(InvalidInputException e) {
        return RestResponse.status(Status.BAD_REQUEST, new ErrorBody(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> roleExists(RoleExistsException e) {
        return RestResponse.status(Status.CONFLICT, new ErrorBody(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> identityTaken(IdentityTakenException e) {
        return RestResponse.status(Status.CONFLICT, new ErrorBody(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> roleNotFound(RoleNotFoundException e) {
        return RestResponse.status(Status.NOT_FOUND, new ErrorBody(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> accountDeletionFailed(AccountDeletionFailedException e) {
        return RestResponse.status(Status.SERVICE_UNAVAILABLE, new ErrorBody(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> apiKeyNotFound(ApiKeyNotFoundException e) {
        return RestResponse.status(Status.NOT_FOUND, new ErrorBody(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> lastApiKey(LastApiKeyException e) {
        return RestResponse.status(Status.CONFLICT, new ErrorBody(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalidApiKey(InvalidApiKeyException e) {
        return RestResponse.ResponseBuilder.create(Status.UNAUTHORIZED, new ErrorBody(e.getMessage()))
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .build();
    }

    /**
     * Unreadable JSON, unknown paths, wrong methods: the status the framework chose, in our JSON form. Its own
     * messages ("HTTP 400 Bad Request") do not say what to do, so the answer points at the API description.
     */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> framework(WebApplicationException e) {
        StatusType status = e.getResponse().getStatusInfo();
        return RestResponse.status(status, new ErrorBody(
            status.getReasonPhrase() + ": see /q/openapi for the requests this API accepts"));
    }
}
