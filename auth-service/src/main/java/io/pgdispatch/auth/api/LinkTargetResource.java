package io.pgdispatch.auth.api;

import io.pgdispatch.auth.InvalidInputException;
import io.pgdispatch.auth.link.LinkChoices;
import io.pgdispatch.auth.store.LinkTargetStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The target the account's login link pages offer first. */
@Path("/v1/account/link-target")
@Tag(name = "Login identities")
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LinkTargetResource {

    /** The body of the calls: {@code branch:<cluster-id>/<branch>} or {@code endpoint:<endpoint-id>}. */
    public record LinkTarget(String target) {
    }

    private final BearerAuthentication authentication;
    private final LinkTargetStore targets;

    LinkTargetResource(BearerAuthentication authentication, LinkTargetStore targets) {
        this.authentication = authentication;
        this.targets = targets;
    }

    @GET
    @Operation(summary = "The target login link pages offer first")
    @APIResponse(responseCode = "200", description = "The target")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    @APIResponse(responseCode = "404", description = "None is set: a cluster named main, else the oldest cluster")
    public Uni<RestResponse<LinkTarget>> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization)
            .chain(account -> targets.find(account.id()))
            .map(found -> found.map(target -> RestResponse.ok(new LinkTarget(target)))
                .orElseGet(() -> RestResponse.status(Status.NOT_FOUND)));
    }

    @PUT
    @Operation(summary = "Set the target login link pages offer first",
        description = "branch:<cluster-id>/<branch> or endpoint:<endpoint-id>. A target the account no longer has is"
            + " skipped on the page.")
    @APIResponse(responseCode = "200", description = "The target")
    @APIResponse(responseCode = "400", description = "The target is not written as one of the two forms")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    public Uni<LinkTarget> set(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, LinkTarget request) {
        String target = request == null ? null : request.target();
        return authentication.caller(authorization)
            .invoke(account -> LinkChoices.problem(target).ifPresent(problem -> {
                throw new InvalidInputException(problem);
            }))
            .chain(account -> targets.set(account.id(), target))
            .map(done -> new LinkTarget(target));
    }

    @DELETE
    @Operation(summary = "Go back to the default: a cluster named main, else the oldest cluster")
    @APIResponse(responseCode = "204", description = "No target is set now")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    public Uni<Void> clear(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization).chain(account -> targets.clear(account.id())).replaceWithVoid();
    }
}
