package io.tollgate.org.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.service.PersonDraft;
import io.tollgate.org.service.PersonService;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.web.Flash;
import io.tollgate.web.FormState;
import io.tollgate.web.Links;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** People administration: add people, set their roles, reset their sign-in, end their sessions. */
@Path("/admin/people")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PeoplePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Paged<Person> people, String query, String pagerBase, FormState form);

        static native TemplateInstance person(Person person, List<Membership> memberships, FormState form);

        static native TemplateInstance oneTimePassword(Person person, String password, boolean created);
    }

    @Inject
    PersonService people;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list(@QueryParam("q") String query, @QueryParam("page") Integer page) {
        String text = query == null ? "" : query;
        return Templates.list(people.search(viewer.get(), query, PageRequest.of(page, null)), text,
                "/admin/people?q=" + Links.encode(text) + "&", FormState.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String email, @RestForm String displayName, @RestForm boolean manager,
                           @RestForm boolean securityAdmin) {
        Viewer me = viewer.get();
        try {
            PersonService.Invitation invitation = people.invite(me, new PersonDraft(email, displayName, roles(manager, securityAdmin)));
            return Response.status(201).entity(Templates.oneTimePassword(invitation.person(), invitation.oneTimePassword(), true)).build();
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("email", email, "displayName", displayName,
                    "manager", manager ? "on" : null, "securityAdmin", securityAdmin ? "on" : null), e);
            return Response.status(e.httpStatus())
                    .entity(Templates.list(people.search(me, null, PageRequest.of(0, null)), "", "/admin/people?", form)).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance person(@PathParam("id") long id) {
        Viewer me = viewer.get();
        Person person = people.get(me, id);
        return Templates.person(person, people.memberships(me, id), FormState.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}")
    public Response update(@PathParam("id") long id, @RestForm String displayName, @RestForm boolean manager,
                           @RestForm boolean securityAdmin, @RestForm boolean active) {
        Viewer me = viewer.get();
        try {
            Person person = people.update(me, id, displayName, roles(manager, securityAdmin), active);
            return flash.success("/admin/people/" + id, person.displayName + " saved.");
        } catch (InvalidInputException e) {
            Person person = people.get(me, id);
            FormState form = FormState.refused(FormState.fields("displayName", displayName), e);
            return Response.status(e.httpStatus()).entity(Templates.person(person, people.memberships(me, id), form)).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/reset")
    public TemplateInstance reset(@PathParam("id") long id, @RestForm boolean mfa) {
        Viewer me = viewer.get();
        String password = people.resetSignIn(me, id, mfa);
        return Templates.oneTimePassword(people.get(me, id), password, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/sessions/end")
    public Response endSessions(@PathParam("id") long id) {
        Person person = people.endSessions(viewer.get(), id);
        return flash.success("/admin/people/" + id, person.displayName + " is signed out everywhere.");
    }

    /** Signs everyone out, this admin included, who lands on the sign-in page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/sessions/end")
    public Response endEveryonesSessions() {
        people.endEveryonesSessions(viewer.get());
        return Response.seeOther(URI.create("/signin")).build();
    }

    private static Set<GlobalRole> roles(boolean manager, boolean securityAdmin) {
        Set<GlobalRole> roles = EnumSet.of(GlobalRole.LEARNER);
        if (manager) {
            roles.add(GlobalRole.MANAGER);
        }
        if (securityAdmin) {
            roles.add(GlobalRole.SECURITY_ADMIN);
        }
        return roles;
    }
}
