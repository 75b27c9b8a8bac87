package io.tollgate.ci.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.ci.CiConfig;
import io.tollgate.ci.service.CiViews.DeliveryView;
import io.tollgate.ci.service.CiViews.SecretView;
import io.tollgate.ci.service.CiViews.TokenView;
import io.tollgate.ci.service.CredentialDrafts.SecretDraft;
import io.tollgate.ci.service.CredentialDrafts.TokenDraft;
import io.tollgate.ci.service.CredentialService;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import io.tollgate.web.Flash;
import io.tollgate.web.FormState;
import io.tollgate.web.PublicUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** A team's CI page: tokens and signing secrets (create, rotate, revoke), recent deliveries and ready snippets. */
@Path("/teams/{team}/ci")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CiPages {

    /** Where each list's pager points: each list pages with its own query parameter. */
    record PagerBases(String tokens, String secrets, String deliveries) {
        static PagerBases of(String team) {
            String page = "/teams/" + team + "/ci?";
            return new PagerBases(page + "token", page + "secret", page);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String team, boolean canManage, Paged<TokenView> tokens,
                                            Paged<SecretView> secrets, Paged<DeliveryView> deliveries, PagerBases pagers,
                                            Snippets snippets, FormState tokenForm, FormState secretForm);

        static native TemplateInstance issued(String team, String kind, String name, String value);
    }

    @Inject
    CredentialService credentials;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @Inject
    PublicUrl publicUrl;

    @Inject
    CiConfig config;

    @GET
    public TemplateInstance page(@PathParam("team") String team, @QueryParam("page") Integer page,
                                 @QueryParam("tokenpage") Integer tokenPage, @QueryParam("secretpage") Integer secretPage) {
        return render(team, page, tokenPage, secretPage,
                FormState.of(Map.of("expiresInDays", Integer.toString(config.tokenDays()))),
                FormState.of(Map.of("previousValidHours", Long.toString(config.rotationOverlap().toHours()))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/tokens")
    public Response createToken(@PathParam("team") String team, @RestForm String name, @RestForm List<String> scopes,
                                @RestForm String expiresInDays) {
        try {
            var issued = credentials.createToken(viewer.get(), team, new TokenDraft(name, scopes, days(expiresInDays)));
            return Response.status(201).entity(Templates.issued(team, "API token", issued.token().name(), issued.value())).build();
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("name", name, "expiresInDays", expiresInDays,
                    "scopes", scopes == null ? "" : String.join(",", scopes)), e);
            return Response.status(e.httpStatus()).entity(render(team, null, null, null, form, FormState.empty())).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/tokens/{id}/revoke")
    public Response revokeToken(@PathParam("team") String team, @PathParam("id") long id) {
        TokenView token = credentials.revokeToken(viewer.get(), team, id);
        return flash.success("/teams/" + team + "/ci", "Token " + token.name() + " revoked.");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/secrets")
    public Response createSecret(@PathParam("team") String team, @RestForm String name, @RestForm String previousValidHours) {
        try {
            var issued = credentials.createSecret(viewer.get(), team, new SecretDraft(name, hours(previousValidHours)));
            return Response.status(201).entity(Templates.issued(team, "signing secret", issued.secret().name(), issued.value())).build();
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("name", name, "previousValidHours", previousValidHours), e);
            return Response.status(e.httpStatus()).entity(render(team, null, null, null, FormState.empty(), form)).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/secrets/{id}/revoke")
    public Response revokeSecret(@PathParam("team") String team, @PathParam("id") long id) {
        SecretView secret = credentials.revokeSecret(viewer.get(), team, id);
        return flash.success("/teams/" + team + "/ci", "Signing secret " + secret.name() + " revoked.");
    }

    private TemplateInstance render(String team, Integer page, Integer tokenPage, Integer secretPage, FormState tokenForm,
                                    FormState secretForm) {
        CredentialService.Overview ci = credentials.overview(viewer.get(), team, PageRequest.of(tokenPage, null),
                PageRequest.of(secretPage, null), PageRequest.of(page, null));
        return Templates.page(team, ci.canManage(), ci.tokens(), ci.secrets(), ci.deliveries(), PagerBases.of(team),
                Snippets.of(team, publicUrl), tokenForm, secretForm);
    }

    private static Integer days(String value) {
        return number(value, "expiresInDays");
    }

    private static Integer hours(String value) {
        return number(value, "previousValidHours");
    }

    private static Integer number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }
}
