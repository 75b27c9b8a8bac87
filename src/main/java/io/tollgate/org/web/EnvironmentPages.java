package io.tollgate.org.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.org.Environment;
import io.tollgate.org.service.EnvironmentDraft;
import io.tollgate.org.service.EnvironmentService;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.security.CurrentViewer;
import io.tollgate.web.Flash;
import io.tollgate.web.FormState;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** The promotion path and a form to extend it. */
@Path("/admin/environments")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class EnvironmentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Environment> environments, FormState form);
    }

    @Inject
    EnvironmentService environments;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        viewer.get();
        return Templates.list(environments.promotionPath(), FormState.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String key, @RestForm String name, @RestForm String position,
                           @RestForm boolean production) {
        try {
            int order = parsePosition(position);
            Environment environment = environments.create(viewer.get(), new EnvironmentDraft(key, name, order, production));
            return flash.success("/admin/environments", "Environment " + environment.name + " added.");
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("key", key, "name", name, "position", position,
                    "production", production ? "on" : null), e);
            return Response.status(e.httpStatus()).entity(Templates.list(environments.promotionPath(), form)).build();
        }
    }

    private static int parsePosition(String position) {
        try {
            return Integer.parseInt(position == null ? "" : position.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("position", "must be a whole number");
        }
    }
}
