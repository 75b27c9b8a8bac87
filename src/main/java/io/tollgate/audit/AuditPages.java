package io.tollgate.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import io.tollgate.web.Links;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit log for security admins, newest first, with filters. */
@Path("/admin/audit")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Paged<AuditEvent> events, AuditQuery query, String pagerBase);
    }

    @Inject
    AuditLog audit;

    @Inject
    CurrentViewer viewer;

    @GET
    public TemplateInstance list(@QueryParam("subjectType") String subjectType, @QueryParam("action") String action,
                                 @QueryParam("actor") String actor, @QueryParam("page") Integer page) {
        AuditQuery query = new AuditQuery(subjectType, action, actor);
        String base = "/admin/audit?subjectType=" + Links.encode(query.subjectType()) + "&action=" + Links.encode(query.action())
                + "&actor=" + Links.encode(query.actor()) + "&";
        return Templates.list(audit.search(viewer.get(), query, PageRequest.of(page, 50)), query, base);
    }
}
