package io.tollgate.org.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.org.Environment;
import io.tollgate.org.Membership;
import io.tollgate.org.Team;
import io.tollgate.org.TeamRole;
import io.tollgate.org.service.AccountDraft;
import io.tollgate.org.service.AccountService;
import io.tollgate.org.service.ComponentDraft;
import io.tollgate.org.service.ComponentService;
import io.tollgate.org.service.TeamDraft;
import io.tollgate.org.service.TeamService;
import io.tollgate.org.service.TeamService.TeamOverview;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.web.Flash;
import io.tollgate.web.FormState;
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

import java.util.List;
import java.util.Map;

/** The teams list and each team's page: members, environments, accounts and components. */
@Path("/teams")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TeamPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Paged<Team> teams, boolean canCreate, FormState form);

        static native TemplateInstance team(TeamOverview overview, boolean canManage, boolean canAddComponent,
                                            List<Environment> environments, FormState memberForm,
                                            FormState accountForm, FormState componentForm);
    }

    @Inject
    TeamService teams;

    @Inject
    AccountService accounts;

    @Inject
    ComponentService components;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page) {
        Viewer me = viewer.get();
        return Templates.list(teams.visibleTeams(me, PageRequest.of(page, null)), me.isSecurityAdmin(), FormState.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String slug, @RestForm String name, @RestForm String description) {
        Viewer me = viewer.get();
        try {
            Team team = teams.create(me, new TeamDraft(slug, name, description));
            return flash.success("/teams/" + team.slug, "Team " + team.name + " created.");
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("slug", slug, "name", name, "description", description), e);
            return Response.status(e.httpStatus())
                    .entity(Templates.list(teams.visibleTeams(me, PageRequest.of(0, null)), true, form)).build();
        }
    }

    @GET
    @Path("/{slug}")
    public TemplateInstance team(@PathParam("slug") String slug) {
        return page(slug, FormState.of(Map.of("role", TeamRole.MEMBER.name())), FormState.empty(), FormState.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{slug}/members")
    public Response addMember(@PathParam("slug") String slug, @RestForm String email, @RestForm String role) {
        try {
            Membership membership = teams.putMember(viewer.get(), slug, email, parseRole(role));
            return flash.success("/teams/" + slug, membership.person.displayName + " is now "
                    + (membership.role == TeamRole.LEAD ? "a lead" : "a member") + " of the team.");
        } catch (InvalidInputException e) {
            return refused(e, slug, FormState.refused(FormState.fields("email", email, "role", role), e), FormState.empty(), FormState.empty());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{slug}/members/{personId}/remove")
    public Response removeMember(@PathParam("slug") String slug, @PathParam("personId") long personId) {
        teams.removeMember(viewer.get(), slug, personId);
        return flash.success("/teams/" + slug, "Member removed from the team.");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{slug}/accounts")
    public Response addAccount(@PathParam("slug") String slug, @RestForm String accountId, @RestForm String name,
                               @RestForm String environment, @RestForm String roleArn, @RestForm String externalId) {
        try {
            var account = accounts.register(viewer.get(), new AccountDraft(trim(accountId), name, slug, environment,
                    blankToNull(roleArn), blankToNull(externalId), null));
            return flash.success("/teams/" + slug, "Account " + account.accountId + " registered in " + account.environment.name + ".");
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("accountId", accountId, "name", name, "environment", environment,
                    "roleArn", roleArn, "externalId", externalId), e);
            return refused(e, slug, FormState.of(Map.of("role", TeamRole.MEMBER.name())), form, FormState.empty());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{slug}/components")
    public Response addComponent(@PathParam("slug") String slug, @RestForm String environment,
                                 @RestForm String repository, @RestForm String name) {
        try {
            var component = components.addRepository(viewer.get(), slug, new ComponentDraft(environment, repository, name));
            return flash.success("/teams/" + slug, "Component " + component.key + " added.");
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("environment", environment, "repository", repository, "name", name), e);
            return refused(e, slug, FormState.of(Map.of("role", TeamRole.MEMBER.name())), FormState.empty(), form);
        }
    }

    private TemplateInstance page(String slug, FormState memberForm, FormState accountForm, FormState componentForm) {
        Viewer me = viewer.get();
        TeamOverview overview = teams.overview(me, slug);
        boolean lead = overview.members().stream()
                .anyMatch(m -> m.person.id == me.personId() && m.role == TeamRole.LEAD);
        return Templates.team(overview, me.isSecurityAdmin(), me.isSecurityAdmin() || lead, overview.environments(),
                memberForm, accountForm, componentForm);
    }

    private Response refused(InvalidInputException e, String slug, FormState memberForm, FormState accountForm,
                             FormState componentForm) {
        return Response.status(e.httpStatus()).entity(page(slug, memberForm, accountForm, componentForm)).build();
    }

    private static TeamRole parseRole(String role) {
        try {
            return role == null ? null : TeamRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "must be MEMBER or LEAD");
        }
    }

    static String trim(String value) {
        return value == null ? null : value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
