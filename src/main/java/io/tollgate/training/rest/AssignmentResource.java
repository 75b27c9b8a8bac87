package io.tollgate.training.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import io.tollgate.training.rest.TrainingViews.AssignmentView;
import io.tollgate.training.service.AssignmentDraft;
import io.tollgate.training.service.AssignmentService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Assignments of curricula and lessons to teams and people. */
@Path("/api/v1/assignments")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training")
public class AssignmentResource {

    @Inject
    AssignmentService assignments;

    @Inject
    CurrentViewer viewer;

    @GET
    @Operation(summary = "Assignments the caller may see, by due date; filter by team slug or person id")
    public Paged<AssignmentView> list(@QueryParam("team") String team, @QueryParam("person") Long person,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return assignments.list(viewer.get(), team, person, PageRequest.of(page, size)).map(AssignmentView::of);
    }

    /**
     * Assigns a curriculum or a lesson to a team or a person. Leads assign within their teams; managers and
     * security admins anywhere.
     */
    @POST
    @Operation(summary = "Assign a curriculum or lesson to a team or person, with a due date and a mandatory flag")
    public Response create(AssignmentDraft draft, UriInfo uri) {
        AssignmentView created = AssignmentView.of(assignments.create(viewer.get(), draft));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One assignment")
    public AssignmentView get(@PathParam("id") long id) {
        return AssignmentView.of(assignments.get(viewer.get(), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Withdraw an assignment (a team's, with the copies joiners received)")
    public Response remove(@PathParam("id") long id) {
        assignments.remove(viewer.get(), id);
        return Response.noContent().build();
    }
}
