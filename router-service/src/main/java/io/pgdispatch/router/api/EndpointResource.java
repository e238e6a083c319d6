package io.pgdispatch.router.api;

import io.pgdispatch.router.auth.ApiKeyAuthenticator;
import io.pgdispatch.router.endpoint.EndpointService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** One of the caller's endpoints, by id. Another account's endpoint answers 404. */
@Path("/v1/endpoints/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "endpoints")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
@APIResponse(responseCode = "404", description = "No such endpoint in this account")
@APIResponse(responseCode = "503", description = "auth-service cannot be reached to check the API key")
public class EndpointResource {

    private final ApiKeyAuthenticator authenticator;
    private final EndpointService endpoints;

    EndpointResource(ApiKeyAuthenticator authenticator, EndpointService endpoints) {
        this.authenticator = authenticator;
        this.endpoints = endpoints;
    }

    @GET
    @Operation(summary = "Get one endpoint")
    public Uni<EndpointView> get(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        return authenticator.accountOf(authorization)
            .chain(account -> endpoints.find(account, id))
            .map(EndpointView::of);
    }

    @PUT
    @Operation(summary = "Replace an endpoint's settings",
        description = "Every setting is replaced, a missing one by its default; the endpoint stays in its cluster."
            + " Running proxies learn of the change from a catalog event within seconds.")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "A setting is not valid, or the branch is not one of the"
        + " endpoint's cluster; the message names the value")
    @APIResponse(responseCode = "409", description = "Another endpoint already has the listen address")
    public Uni<EndpointView> replace(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id,
            EndpointRequest request) {
        return authenticator.accountOf(authorization)
            .chain(account -> endpoints.replace(account, id, EndpointRequest.settingsOf(request, Instant.now())))
            .map(EndpointView::of);
    }

    @DELETE
    @ResponseStatus(204)
    @Operation(summary = "Delete an endpoint",
        description = "Running proxies learn of it from a catalog event within seconds.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        return authenticator.accountOf(authorization)
            .chain(account -> endpoints.delete(account, id));
    }
}
