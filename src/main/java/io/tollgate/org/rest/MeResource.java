package io.tollgate.org.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.org.rest.OrgViews.PersonView;
import io.tollgate.org.rest.OrgViews.TeamMembershipView;
import io.tollgate.org.service.PersonService;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/me")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation")
public class MeResource {

    /** The caller and the teams they belong to. */
    public record Me(PersonView person, List<TeamMembershipView> teams) {
    }

    @Inject
    PersonService people;

    @Inject
    CurrentViewer viewer;

    @GET
    public Me me() {
        Viewer me = viewer.get();
        return new Me(PersonView.of(people.get(me, me.personId())),
                people.memberships(me, me.personId()).stream().map(TeamMembershipView::of).toList());
    }
}
