package io.pgdispatch.auth.link;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page a login link opens. The OIDC provider logs the person in first (authorization code flow); the page then
 * shows the waiting connection's client address and offers the account's targets and roles. The form is posted
 * back with the provider session's cookie, which is SameSite=Lax, so another site cannot post it for the person.
 */
@Path("/link/{id}")
@Authenticated
public class LinkPage {

    private final LinkLogins logins;
    private final Template page;

    @Inject
    @IdToken
    JsonWebToken idToken;

    LinkPage(LinkLogins logins, @Location("link.html") Template page) {
        this.logins = logins;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<String> show(@PathParam("id") String id) {
        return logins.page(id, identity()).chain(model -> render(model));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<String> answer(@PathParam("id") String id, @FormParam("action") String action,
            @FormParam("target") String target, @FormParam("role") String role) {
        Uni<LinkPageModel> after = "cancel".equals(action)
            ? logins.cancel(id, identity()).map(done -> LinkPageModel.after(LinkState.CANCELLED.text(), ""))
            : logins.confirm(id, identity(), target, role)
                .map(session -> LinkPageModel.after(LinkState.CONFIRMED.text(), ""));
        return after.onFailure(LinkRefusedException.class)
            .recoverWithItem(e -> LinkPageModel.after("refused", e.getMessage()))
            .chain(model -> render(model));
    }

    private LoginIdentity identity() {
        return new LoginIdentity(idToken.getIssuer(), idToken.getSubject());
    }

    private Uni<String> render(LinkPageModel model) {
        return page.data("page", model).createUni();
    }
}
