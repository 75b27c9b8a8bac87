package io.tollgate.org.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.org.AwsAccount;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import io.tollgate.org.service.AccountDraft;
import io.tollgate.org.service.AccountService;
import io.tollgate.org.service.EnvironmentService;
import io.tollgate.org.service.TeamService;
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

import java.util.List;

/** All AWS accounts across teams, with filters; register and remove accounts. */
@Path("/admin/accounts")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Paged<AwsAccount> accounts, String team, String environment, String pagerBase,
                                            List<Team> teams, List<Environment> environments, FormState form);
    }

    @Inject
    AccountService accounts;

    @Inject
    TeamService teams;

    @Inject
    EnvironmentService environments;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list(@QueryParam("team") String team, @QueryParam("environment") String environment,
                                 @QueryParam("page") Integer page) {
        return render(team, environment, page, FormState.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestForm String accountId, @RestForm String name, @RestForm String team,
                             @RestForm String environment, @RestForm String roleArn, @RestForm String externalId,
                             @RestForm String organizationalUnit) {
        try {
            AwsAccount account = accounts.register(viewer.get(), new AccountDraft(TeamPages.trim(accountId), name, team,
                    environment, TeamPages.blankToNull(roleArn), TeamPages.blankToNull(externalId),
                    TeamPages.blankToNull(organizationalUnit)));
            return flash.success("/admin/accounts", "Account " + account.accountId + " registered to " + account.team.name
                    + " in " + account.environment.name + ".");
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("accountId", accountId, "name", name, "team", team,
                    "environment", environment, "roleArn", roleArn, "externalId", externalId,
                    "organizationalUnit", organizationalUnit), e);
            return Response.status(e.httpStatus()).entity(render(null, null, 0, form)).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{accountId}/remove")
    public Response remove(@PathParam("accountId") String accountId) {
        accounts.remove(viewer.get(), accountId);
        return flash.success("/admin/accounts", "Account " + accountId + " removed.");
    }

    private TemplateInstance render(String team, String environment, Integer page, FormState form) {
        Viewer me = viewer.get();
        Paged<AwsAccount> list = accounts.search(me, new AccountService.AccountQuery(team, environment), PageRequest.of(page, null));
        String teamFilter = team == null ? "" : team;
        String environmentFilter = environment == null ? "" : environment;
        String pagerBase = "/admin/accounts?team=" + Links.encode(teamFilter) + "&environment=" + Links.encode(environmentFilter) + "&";
        return Templates.list(list, teamFilter, environmentFilter, pagerBase,
                teams.visibleTeams(me, PageRequest.of(0, PageRequest.MAX_SIZE)).items(), environments.promotionPath(), form);
    }
}
