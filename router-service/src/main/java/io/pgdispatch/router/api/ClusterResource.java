package io.pgdispatch.router.api;

import io.pgdispatch.router.auth.ApiKeyAuthenticator;
import io.pgdispatch.router.branch.BranchService;
import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.cluster.ClusterName;
import io.pgdispatch.router.cluster.ComputeAuthentication;
import io.pgdispatch.router.cluster.InvalidClusterSettingsException;
import io.pgdispatch.router.events.CatalogEventPublisher;
import io.pgdispatch.router.store.ClusterStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The caller's clusters. The API key decides the account; another account's clusters answer 404. */
@Path("/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "clusters")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
@APIResponse(responseCode = "503", description = "auth-service cannot be reached to check the API key")
public class ClusterResource {

    private final ApiKeyAuthenticator authenticator;
    private final ClusterStore store;
    private final BranchService branches;
    private final CatalogEventPublisher events;

    ClusterResource(ApiKeyAuthenticator authenticator, ClusterStore store, BranchService branches,
            CatalogEventPublisher events) {
        this.authenticator = authenticator;
        this.store = store;
        this.branches = branches;
        this.events = events;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a cluster with its branch main")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "The name is not 1 to 64 printable characters")
    public Uni<ClusterView> create(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            CreateClusterRequest request) {
        return authenticator.accountOf(authorization)
            .chain(account -> store.create(account, ClusterName.requireValid(request == null ? null : request.name())))
            .map(ClusterView::of);
    }

    @GET
    @Operation(summary = "List the account's clusters, oldest first")
    public Uni<List<ClusterView>> list(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authenticator.accountOf(authorization)
            .chain(store::list)
            .map(clusters -> clusters.stream().map(ClusterView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one cluster")
    @APIResponse(responseCode = "404", description = "No such cluster in this account")
    public Uni<ClusterView> get(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        return authenticator.accountOf(authorization)
            .chain(account -> store.find(account, id))
            .map(ClusterView::of);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a cluster with all its branches, their data and history, and its endpoints",
        description = "Sessions open on it end. Answers once compute-manager has removed every branch's storage.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such cluster in this account")
    @APIResponse(responseCode = "503", description = "compute-manager could not remove everything; the cluster is"
        + " still listed: delete it again")
    public Uni<Void> delete(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        return authenticator.accountOf(authorization)
            .chain(account -> branches.deleteCluster(account, id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a cluster's settings",
        description = "Settings left out stay as they are. Running proxies learn of the change from a catalog"
            + " event within seconds.")
    @APIResponse(responseCode = "400", description = "The body changes nothing")
    @APIResponse(responseCode = "404", description = "No such cluster in this account")
    public Uni<ClusterView> update(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id,
            UpdateClusterRequest request) {
        return authenticator.accountOf(authorization)
            .invoke(() -> requireChange(request))
            .chain(account -> {
                // Checked before anything is written, so that a refused setting leaves the other unchanged too.
                Optional<Optional<ComputeAuthentication>> passthrough = Optional.ofNullable(request.authentication())
                    .map(AuthenticationSetting::passthrough);
                Optional<AnonymousAccess> anonymous = Optional.ofNullable(request.anonymous())
                    .map(AnonymousSetting::toAccess);
                Uni<Cluster> changed = request.optionsRoutingAllowed() == null ? store.find(account, id)
                    : store.setOptionsRoutingAllowed(account, id, request.optionsRoutingAllowed());
                if (passthrough.isPresent()) {
                    changed = changed.chain(() -> store.setPassthrough(account, id, passthrough.get()));
                }
                if (anonymous.isPresent()) {
                    changed = changed.chain(() -> store.setAnonymous(account, id, anonymous.get()));
                }
                return changed;
            })
            .invoke(events::clusterChanged)
            .map(ClusterView::of);
    }

    private static void requireChange(UpdateClusterRequest request) {
        if (request == null || request.optionsRoutingAllowed() == null && request.authentication() == null
                && request.anonymous() == null) {
            throw new InvalidClusterSettingsException("the request changes nothing: send the settings to change,"
                + " such as {\"optionsRoutingAllowed\": false} or {\"authentication\": {\"mode\": \"proxy\"}}");
        }
    }
}
