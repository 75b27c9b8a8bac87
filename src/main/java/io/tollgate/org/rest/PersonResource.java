package io.tollgate.org.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.rest.OrgViews.PersonView;
import io.tollgate.org.rest.OrgViews.TeamMembershipView;
import io.tollgate.org.service.PersonDraft;
import io.tollgate.org.service.PersonService;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

@Path("/api/v1/people")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation")
public class PersonResource {

    /** A created person with the one-time password to hand them; it is not shown again. */
    public record Invitation(PersonView person, String oneTimePassword) {
    }

    /** Fields to change; absent fields stay as they are. */
    public record PersonChange(String displayName, Set<GlobalRole> roles, Boolean active) {
    }

    /** A new one-time password, shown once. */
    public record SignInReset(String oneTimePassword, boolean mfaReset) {
    }

    /** How many sessions a sign-out of everyone ended. */
    public record SessionsEnded(long sessions) {
    }

    @Inject
    PersonService people;

    @Inject
    CurrentViewer viewer;

    @GET
    public Paged<PersonView> list(@QueryParam("q") String text, @QueryParam("page") Integer page,
                                  @QueryParam("size") Integer size) {
        return people.search(viewer.get(), text, PageRequest.of(page, size)).map(PersonView::of);
    }

    @POST
    public Response create(PersonDraft draft, UriInfo uri) {
        PersonService.Invitation invitation = people.invite(viewer.get(), draft);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(invitation.person().id)).build())
                .entity(new Invitation(PersonView.of(invitation.person()), invitation.oneTimePassword())).build();
    }

    @GET
    @Path("/{id}")
    public PersonView get(@PathParam("id") long id) {
        return PersonView.of(people.get(viewer.get(), id));
    }

    @GET
    @Path("/{id}/teams")
    public List<TeamMembershipView> teams(@PathParam("id") long id) {
        return people.memberships(viewer.get(), id).stream().map(TeamMembershipView::of).toList();
    }

    @PATCH
    @Path("/{id}")
    public PersonView update(@PathParam("id") long id, PersonChange change) {
        PersonChange body = change == null ? new PersonChange(null, null, null) : change;
        return PersonView.of(people.update(viewer.get(), id, body.displayName(), body.roles(), body.active()));
    }

    /** Issues a new one-time password; with {@code mfa=true} the person also enrols a new authenticator. */
    @POST
    @Path("/{id}/sign-in-reset")
    public SignInReset resetSignIn(@PathParam("id") long id, @QueryParam("mfa") boolean mfa) {
        return new SignInReset(people.resetSignIn(viewer.get(), id, mfa), mfa);
    }

    /** Signs the person out everywhere: their sessions and half-finished sign-ins end. */
    @POST
    @Path("/{id}/sessions/end")
    public Response endSessions(@PathParam("id") long id) {
        people.endSessions(viewer.get(), id);
        return Response.noContent().build();
    }

    /** Signs everyone out, the caller included. */
    @POST
    @Path("/sessions/end")
    public SessionsEnded endEveryonesSessions() {
        return new SessionsEnded(people.endEveryonesSessions(viewer.get()));
    }
}
