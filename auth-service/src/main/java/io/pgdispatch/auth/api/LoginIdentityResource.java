package io.pgdispatch.auth.api;

import io.pgdispatch.auth.InvalidInputException;
import io.pgdispatch.auth.link.LoginIdentity;
import io.pgdispatch.auth.store.LoginIdentityStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The people who may confirm login links for the calling account, as the OIDC provider names them. */
@Path("/v1/login-identities")
@Tag(name = "Login identities", description = "OIDC logins that act for the account on login link pages")
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoginIdentityResource {

    private static final int LONGEST_CLAIM = 255;

    private final BearerAuthentication authentication;
    private final LoginIdentityStore identities;

    LoginIdentityResource(BearerAuthentication authentication, LoginIdentityStore identities) {
        this.authentication = authentication;
        this.identities = identities;
    }

    @POST
    @Operation(summary = "Let an OIDC login act for the account",
        description = "issuer and subject are the iss and sub claims of the provider's ID token. A person logged in"
            + " as this identity may then confirm login links for the account's clusters and roles.")
    @APIResponse(responseCode = "201", description = "The identity")
    @APIResponse(responseCode = "400", description = "issuer or subject is missing or too long")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    @APIResponse(responseCode = "409", description = "The identity acts for an account already")
    public Uni<RestResponse<LoginIdentity>> add(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            LoginIdentity request) {
        return authentication.caller(authorization)
            .chain(account -> identities.insert(account.id(), claim(request == null ? null : request.issuer(),
                "issuer"), claim(request == null ? null : request.subject(), "subject")))
            .map(identity -> RestResponse.status(Status.CREATED, identity));
    }

    @GET
    @Operation(summary = "List the account's login identities")
    @APIResponse(responseCode = "200", description = "The identities, oldest first")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    public Uni<List<LoginIdentity>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authentication.caller(authorization).chain(account -> identities.list(account.id()));
    }

    @DELETE
    @Operation(summary = "Stop an OIDC login from acting for the account",
        description = "Links it has not confirmed yet can no longer be confirmed by it; sessions already open stay.")
    @APIResponse(responseCode = "204", description = "The identity was removed")
    @APIResponse(responseCode = "401", description = "The API key is missing or not valid")
    @APIResponse(responseCode = "404", description = "The account has no such identity")
    public Uni<RestResponse<Void>> remove(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("issuer") String issuer, @QueryParam("subject") String subject) {
        return authentication.caller(authorization)
            .chain(account -> identities.delete(account.id(), claim(issuer, "issuer"), claim(subject, "subject")))
            .map(removed -> RestResponse.status(removed ? Status.NO_CONTENT : Status.NOT_FOUND));
    }

    private static String claim(String value, String name) {
        if (value == null || value.isBlank() || value.length() > LONGEST_CLAIM) {
            throw new InvalidInputException(name + " must be given, as the " + (name.equals("issuer") ? "iss" : "sub")
                + " claim of the provider's ID token, at most " + LONGEST_CLAIM + " characters");
        }
        return value;
    }
}
