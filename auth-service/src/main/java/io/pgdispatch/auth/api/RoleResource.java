package io.pgdispatch.auth.api;

import io.pgdispatch.auth.role.Role;
import io.pgdispatch.auth.role.RoleService;
import io.pgdispatch.auth.store.RoleStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The roles of the calling account. */
@Path("/v1/roles")
@Tag(name = "Roles", description = "PostgreSQL roles of the account, shared by all its clusters")
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final BearerAuthentication authentication;
    private final RoleService roleService;
    private final RoleStore roles;

    RoleResource(BearerAuthentication authentication, RoleService roleService, RoleStore roles) {
        this.authentication = authentication;
        this.roleService = roleService;
        this.roles = roles;
    }

    @POST
    @Operation(summary = "Create a role",
        description = "Only the SCRAM-SHA-256 verifier of the password is kept; the password cannot be read back.")
    @APIResponse(responseCode = "201", description = "The role",
        content = @Content(schema = @Schema(implementation = Role.class)))
    @APIResponse(responseCode = "400", description = "The name is not allowed or the password is too short")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    @APIResponse(responseCode = "409", description = "The account already has a role of that name")
    public Uni<RestResponse<Role>> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            CreateRoleRequest request) {
        CreateRoleRequest body = request == null ? new CreateRoleRequest(null, null) : request;
        return authentication.caller(authorization)
            .chain(account -> roleService.create(account.id(), body.name(), body.password()))
            .map(role -> RestResponse.status(Status.CREATED, role));
    }

    @PUT
    @Path("{name}/password")
    @Operation(summary = "Give a role a new password",
        description = "The old password stops working at once for new logins; sessions already open stay open."
            + " Running computes and proxies learn of the change from a catalog event within seconds.")
    @APIResponse(responseCode = "204", description = "The password was changed")
    @APIResponse(responseCode = "400", description = "The password is too short")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    @APIResponse(responseCode = "404", description = "The account has no role of that name")
    public Uni<Void> changePassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("name") String name, ChangePasswordRequest request) {
        String password = request == null ? null : request.password();
        return authentication.caller(authorization)
            .chain(account -> roleService.changePassword(account.id(), name, password));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a role",
        description = "The role can no longer log in anywhere, and its open sessions are ended. What it owns in the"
            + " databases stays, owned by a role that cannot log in.")
    @APIResponse(responseCode = "204", description = "The role was removed")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    @APIResponse(responseCode = "404", description = "The account has no role of that name")
    public Uni<Void> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("name") String name) {
        return authentication.caller(authorization)
            .chain(account -> roleService.delete(account.id(), name));
    }

    @GET
    @Operation(summary = "List the roles of the account")
    @APIResponse(responseCode = "200", description = "The roles, by name")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    public Uni<List<Role>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization)
            .chain(account -> roles.list(account.id()));
    }
}
