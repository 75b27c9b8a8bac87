package io.tollgate.gate.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.gate.service.Decision;
import io.tollgate.gate.service.GateService;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One stored gate decision as a page: the address the evaluation API gives as {@code links.portal}. */
@Path("/gate/decisions/{id}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DecisionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance decision(Decision decision);
    }

    @Inject
    GateService gate;

    @Inject
    CurrentViewer viewer;

    @GET
    public TemplateInstance decision(@PathParam("id") long id) {
        return Templates.decision(gate.find(viewer.get(), id));
    }
}
