package io.tollgate.gate.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.gate.service.WaiverService;
import io.tollgate.gate.service.WaiverView;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** For security admins: the waivers of every team that end within the week, soonest first. */
@Path("/admin/waivers")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WaiverPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance expiring(Paged<WaiverView> waivers);
    }

    @Inject
    WaiverService waivers;

    @Inject
    CurrentViewer viewer;

    @GET
    public TemplateInstance expiring(@QueryParam("page") Integer page) {
        return Templates.expiring(waivers.expiringSoon(viewer.get(), PageRequest.of(page, 50)));
    }
}
