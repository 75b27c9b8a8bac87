package io.tollgate.org.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.org.TeamRole;
import io.tollgate.org.rest.OrgViews.ComponentView;
import io.tollgate.org.rest.OrgViews.MemberView;
import io.tollgate.org.rest.OrgViews.TeamView;
import io.tollgate.org.service.ComponentDraft;
import io.tollgate.org.service.ComponentService;
import io.tollgate.org.service.TeamDraft;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/teams")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation")
public class TeamResource {

    /** Adds a person to the team or changes their role there. */
    public record MemberRequest(String email, TeamRole role) {
    }

    @Inject
    TeamService teams;

    @Inject
    ComponentService components;

    @Inject
    CurrentViewer viewer;

    /** The teams the caller may see: their own, or all for managers and security admins. */
    @GET
    public Paged<TeamView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return teams.visibleTeams(viewer.get(), PageRequest.of(page, size)).map(TeamView::of);
    }

    @POST
    public Response create(TeamDraft draft, UriInfo uri) {
        TeamView created = TeamView.of(teams.create(viewer.get(), draft));
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build()).entity(created).build();
    }

    @GET
    @Path("/{slug}")
    public TeamView get(@PathParam("slug") String slug) {
        return TeamView.of(teams.visibleTeam(viewer.get(), slug));
    }

    @PUT
    @Path("/{slug}")
    public TeamView update(@PathParam("slug") String slug, TeamDraft draft) {
        return TeamView.of(teams.update(viewer.get(), slug, draft));
    }

    @GET
    @Path("/{slug}/members")
    public List<MemberView> members(@PathParam("slug") String slug) {
        return teams.members(viewer.get(), slug).stream().map(MemberView::of).toList();
    }

    @PUT
    @Path("/{slug}/members")
    public MemberView putMember(@PathParam("slug") String slug, MemberRequest request) {
        MemberRequest body = request == null ? new MemberRequest(null, null) : request;
        return MemberView.of(teams.putMember(viewer.get(), slug, body.email(), body.role()));
    }

    @DELETE
    @Path("/{slug}/members/{personId}")
    public Response removeMember(@PathParam("slug") String slug, @PathParam("personId") long personId) {
        teams.removeMember(viewer.get(), slug, personId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{slug}/components")
    public List<ComponentView> components(@PathParam("slug") String slug) {
        return components.ofTeam(viewer.get(), slug).stream().map(ComponentView::of).toList();
    }

    @POST
    @Path("/{slug}/components")
    public Response addComponent(@PathParam("slug") String slug, ComponentDraft draft, UriInfo uri) {
        ComponentView created = ComponentView.of(components.addRepository(viewer.get(), slug, draft));
        return Response.created(uri.getAbsolutePathBuilder().queryParam("key", created.key()).build())
                .entity(created).build();
    }
}
