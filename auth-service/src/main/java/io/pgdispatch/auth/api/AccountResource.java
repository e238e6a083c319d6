package io.pgdispatch.auth.api;

import io.pgdispatch.auth.account.Account;
import io.pgdispatch.auth.account.AccountService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Creating an account, and reading or deleting the account of an API key. */
@Path("/v1")
@Tag(name = "Accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;
    private final BearerAuthentication authentication;

    AccountResource(AccountService accounts, BearerAuthentication authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
    }

    @POST
    @Path("accounts")
    @Operation(summary = "Create an account",
        description = "Needs no authentication. The answer holds the account's API key, which is never shown again.")
    @APIResponse(responseCode = "201", description = "The account and its API key",
        content = @Content(schema = @Schema(implementation = CreatedAccount.class)))
    @APIResponse(responseCode = "400", description = "The name is missing or too long")
    public Uni<RestResponse<CreatedAccount>> create(CreateAccountRequest request) {
        return accounts.create(request == null ? null : request.name())
            .map(created -> RestResponse.status(Status.CREATED, new CreatedAccount(
                created.account().id(), created.account().name(), created.apiKey())));
    }

    @DELETE
    @Path("account")
    @SecurityRequirement(name = ApiDocumentation.API_KEY)
    @Operation(summary = "Delete the account of the API key, with everything it has",
        description = "Its clusters go first, with every branch's computes, data and history, and its endpoints;"
            + " then its roles, API keys and login identities. Sessions open on its clusters end.")
    @APIResponse(responseCode = "204", description = "The account is deleted")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    @APIResponse(responseCode = "503", description = "Not every cluster could be deleted; the account is kept:"
        + " delete it again")
    public Uni<RestResponse<Void>> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization)
            .chain(account -> accounts.delete(account.id()))
            .map(deleted -> RestResponse.status(Status.NO_CONTENT));
    }

    @GET
    @Path("account")
    @SecurityRequirement(name = ApiDocumentation.API_KEY)
    @Operation(summary = "The account of the API key")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    public Uni<Account> current(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization);
    }
}
