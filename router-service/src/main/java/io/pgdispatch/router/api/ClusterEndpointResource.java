package io.pgdispatch.router.api;

import io.pgdispatch.router.auth.ApiKeyAuthenticator;
import io.pgdispatch.router.endpoint.EndpointService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The endpoints of one of the caller's clusters. Another account's cluster answers 404. */
@Path("/v1/clusters/{clusterId}/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "endpoints")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
@APIResponse(responseCode = "404", description = "No such cluster in this account")
@APIResponse(responseCode = "503", description = "auth-service cannot be reached to check the API key")
public class ClusterEndpointResource {

    private final ApiKeyAuthenticator authenticator;
    private final EndpointService endpoints;

    ClusterEndpointResource(ApiKeyAuthenticator authenticator, EndpointService endpoints) {
        this.authenticator = authenticator;
        this.endpoints = endpoints;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create an endpoint of the cluster",
        description = "Running proxies learn of it from a catalog event within seconds.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "A setting is not valid, or the branch is not one of this"
        + " cluster's; the message names the value")
    @APIResponse(responseCode = "409", description = "Another endpoint already has the listen address")
    public Uni<EndpointView> create(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("clusterId") String clusterId,
            EndpointRequest request) {
        return authenticator.accountOf(authorization)
            .chain(account -> endpoints.create(account, clusterId,
                EndpointRequest.settingsOf(request, Instant.now())))
            .map(EndpointView::of);
    }

    @GET
    @Operation(summary = "List the cluster's endpoints, oldest first")
    public Uni<List<EndpointView>> list(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("clusterId") String clusterId) {
        return authenticator.accountOf(authorization)
            .chain(account -> endpoints.list(account, clusterId))
            .map(list -> list.stream().map(EndpointView::of).toList());
    }
}
