package io.pgdispatch.router.api;

import io.pgdispatch.router.auth.ApiKeyAuthenticator;
import io.pgdispatch.router.branch.BranchService;
import io.pgdispatch.router.cluster.PointInTime;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
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

/** The branches of one of the caller's clusters. Another account's cluster answers 404. */
@Path("/v1/clusters/{clusterId}/branches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "branches")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
@APIResponse(responseCode = "404", description = "No such cluster in this account")
public class BranchResource {

    private final ApiKeyAuthenticator authenticator;
    private final BranchService branches;

    BranchResource(ApiKeyAuthenticator authenticator, BranchService branches) {
        this.authenticator = authenticator;
        this.branches = branches;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a branch as a copy of its parent's current data, or of the parent at a point in time",
        description = "Answers once compute-manager has copied the parent, which takes as long as a base backup, or"
            + " has recovered it to the point in time.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "The name is not a valid branch name, the parent is not a"
        + " branch of this cluster, or the point in time is malformed or outside the parent's history")
    @APIResponse(responseCode = "409", description = "The cluster already has a branch by this name")
    @APIResponse(responseCode = "503", description = "auth-service cannot be reached to check the API key, or"
        + " compute-manager could not copy the parent; no branch was kept")
    public Uni<BranchView> create(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("clusterId") String clusterId,
            CreateBranchRequest request) {
        return authenticator.accountOf(authorization)
            .chain(account -> request == null
                ? branches.create(account, clusterId, null, null, PointInTime.NOW)
                : branches.create(account, clusterId, request.name(), request.parent(),
                    PointInTime.of(request.timestamp(), request.lsn(), Instant.now())))
            .map(BranchView::of);
    }

    @DELETE
    @Path("{name}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a branch with its computes and all its data and history",
        description = "Sessions open on the branch end. The cluster's first branch, a branch that others were made"
            + " from and a branch that endpoints serve are kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such cluster in this account, or no such branch in it")
    @APIResponse(responseCode = "409", description = "The cluster's first branch, or branches or endpoints depend"
        + " on it; the answer names them")
    @APIResponse(responseCode = "503", description = "auth-service cannot be reached to check the API key, or"
        + " compute-manager could not remove everything; the branch then serves no connection: delete it again")
    public Uni<Void> delete(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("clusterId") String clusterId,
            @PathParam("name") String name) {
        return authenticator.accountOf(authorization)
            .chain(account -> branches.delete(account, clusterId, name));
    }

    @GET
    @Operation(summary = "List the cluster's branches, oldest first")
    @APIResponse(responseCode = "503", description = "auth-service cannot be reached to check the API key")
    public Uni<List<BranchView>> list(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("clusterId") String clusterId) {
        return authenticator.accountOf(authorization)
            .chain(account -> branches.list(account, clusterId))
            .map(list -> list.stream().map(BranchView::of).toList());
    }
}
