package io.pgdispatch.auth.api;

import io.pgdispatch.auth.role.Role;
import io.pgdispatch.auth.role.RoleService;
import io.pgdispatch.auth.store.RoleStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

    @GET
    @Operation(summary = "List the roles of the account")
    @APIResponse(responseCode = "200", description = "The roles, by name")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    public Uni<List<Role>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization)
            .chain(account -> roles.list(account.id()));
    }
}
