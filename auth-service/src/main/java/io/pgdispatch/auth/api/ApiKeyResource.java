package io.pgdispatch.auth.api;

import io.pgdispatch.auth.account.AccountService;
import io.pgdispatch.auth.apikey.ApiKey;
import io.pgdispatch.auth.apikey.ApiKeys;
import io.pgdispatch.auth.apikey.NewApiKey;
import io.pgdispatch.auth.store.ApiKeyStore;
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
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The calling account's API keys: a key is replaced by making a new one, moving the callers to it, and removing the
 * old one, so that there is no moment in which none works. The last key cannot be removed. No call takes a body.
 */
@Path("/v1/account/api-keys")
@Tag(name = "Accounts")
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final BearerAuthentication authentication;
    private final AccountService accounts;
    private final ApiKeyStore keys;

    ApiKeyResource(BearerAuthentication authentication, AccountService accounts, ApiKeyStore keys) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.keys = keys;
    }

    @POST
    @Operation(summary = "Make another API key", description = "The answer holds the key, which is never shown again.")
    @APIResponse(responseCode = "201", description = "The new key")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    public Uni<RestResponse<NewApiKey>> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization)
            .chain(account -> accounts.addApiKey(account.id()))
            .map(created -> RestResponse.status(Status.CREATED, created));
    }

    @GET
    @Operation(summary = "List the account's API keys", description = "Ids and times only, never the keys.")
    @APIResponse(responseCode = "200", description = "The keys, oldest first")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    public Uni<List<ApiKey>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization).chain(account -> keys.list(account.id(),
            ApiKeys.hash(BearerAuthentication.presentedKey(authorization))));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an API key",
        description = "The key stops working at once here and within 30 s at router-service, which caches keys.")
    @APIResponse(responseCode = "204", description = "The key was removed")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    @APIResponse(responseCode = "404", description = "The account has no key of that id")
    @APIResponse(responseCode = "409", description = "It is the account's last key")
    public Uni<RestResponse<Void>> remove(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        return authentication.caller(authorization)
            .chain(account -> keys.deleteUnlessLast(account.id(), id))
            .map(removed -> RestResponse.status(Status.NO_CONTENT));
    }
}
