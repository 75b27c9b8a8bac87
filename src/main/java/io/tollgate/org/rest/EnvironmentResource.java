package io.tollgate.org.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.org.rest.OrgViews.EnvironmentView;
import io.tollgate.org.service.EnvironmentDraft;
import io.tollgate.org.service.EnvironmentService;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/environments")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation")
public class EnvironmentResource {

    @Inject
    EnvironmentService environments;

    @Inject
    CurrentViewer viewer;

    /** The promotion path, in order. */
    @GET
    public List<EnvironmentView> list() {
        return environments.promotionPath().stream().map(EnvironmentView::of).toList();
    }

    @GET
    @Path("/{key}")
    public EnvironmentView get(@PathParam("key") String key) {
        return EnvironmentView.of(environments.get(key));
    }

    @POST
    public Response create(EnvironmentDraft draft, UriInfo uri) {
        EnvironmentView created = EnvironmentView.of(environments.create(viewer.get(), draft));
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build()).entity(created).build();
    }

    @PUT
    @Path("/{key}")
    public EnvironmentView update(@PathParam("key") String key, EnvironmentDraft draft) {
        return EnvironmentView.of(environments.update(viewer.get(), key, draft));
    }
}
