package io.tollgate.audit;

import io.quarkus.security.Authenticated;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

@Path("/api/v1/audit-events")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    public record AuditEventView(long id, Instant occurredAt, String actor, String action, String subjectType,
                                 String subject, String before, String after) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id, e.occurredAt, e.actor, e.action, e.subjectType, e.subject,
                    e.beforeState, e.afterState);
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    CurrentViewer viewer;

    /** The audit log, newest first; security admins only. */
    @GET
    public Paged<AuditEventView> list(@QueryParam("subjectType") String subjectType, @QueryParam("action") String action,
                                      @QueryParam("actor") String actor, @QueryParam("page") Integer page,
                                      @QueryParam("size") Integer size) {
        return audit.search(viewer.get(), new AuditQuery(subjectType, action, actor), PageRequest.of(page, size))
                .map(AuditEventView::of);
    }
}
