package io.tollgate.aws.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.aws.CollectionCheck;
import io.tollgate.aws.CollectionRun;
import io.tollgate.aws.CollectionService;
import io.tollgate.aws.CollectionService.RunDetail;
import io.tollgate.controls.Control;
import io.tollgate.controls.ControlCatalog;
import io.tollgate.org.AwsAccount;
import io.tollgate.org.service.AccountDraft;
import io.tollgate.org.service.AccountService;
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

/** An AWS account's page: its collector settings, "Scan now", its collection runs and each run's checks. */
@Path("/admin/accounts/{accountId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CollectionPages {

    /** A check of a run with the control it evaluates. */
    public record CheckLine(CollectionCheck check, String title, String lesson) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(AwsAccount account, Paged<CollectionRun> runs, String pagerBase, boolean mayStart,
                                               FormState form);

        static native TemplateInstance run(AwsAccount account, CollectionRun run, List<CheckLine> checks);
    }

    @Inject
    AccountService accounts;

    @Inject
    CollectionService collections;

    @Inject
    ControlCatalog controls;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance account(@PathParam("accountId") String accountId, @QueryParam("page") Integer page) {
        AwsAccount account = accounts.get(viewer.get(), accountId);
        return render(account, page, FormState.of(FormState.fields("name", account.name, "roleArn", account.roleArn,
                "organizationalUnit", account.organizationalUnit)));
    }

    /** Changes the account's name and collector settings; an empty external id keeps the one set before. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("accountId") String accountId, @RestForm String name, @RestForm String roleArn,
                           @RestForm String externalId, @RestForm String organizationalUnit) {
        Viewer me = viewer.get();
        AwsAccount account = accounts.get(me, accountId);
        String keptExternalId = externalId == null || externalId.isBlank() ? account.externalId : externalId.strip();
        try {
            accounts.update(me, accountId, new AccountDraft(accountId, name, account.team.slug, account.environment.key,
                    blankToNull(roleArn), keptExternalId, blankToNull(organizationalUnit)));
            return flash.success("/admin/accounts/" + accountId, "Account " + accountId + " saved.");
        } catch (InvalidInputException e) {
            FormState form = FormState.refused(FormState.fields("name", name, "roleArn", roleArn,
                    "organizationalUnit", organizationalUnit), e);
            return Response.status(e.httpStatus()).entity(render(accounts.get(me, accountId), 0, form)).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/collections")
    public Response scanNow(@PathParam("accountId") String accountId) {
        try {
            CollectionRun run = collections.scanNow(viewer.get(), accountId);
            return flash.success("/admin/accounts/" + accountId + "/collections/" + run.id,
                    "Collection of account " + accountId + " queued.");
        } catch (InvalidInputException e) {
            return flash.redirect("/admin/accounts/" + accountId, Flash.Kind.ERROR, e.errors().get(0).message());
        }
    }

    @GET
    @Path("/collections/{runId}")
    public TemplateInstance run(@PathParam("accountId") String accountId, @PathParam("runId") long runId) {
        Viewer me = viewer.get();
        RunDetail detail = collections.run(me, accountId, runId);
        List<CheckLine> lines = detail.checks().stream().map(check -> {
            Control control = controls.byId(check.checkId).orElse(null);
            return new CheckLine(check, control == null ? check.checkId : control.title(), control == null ? null : control.lesson());
        }).toList();
        return Templates.run(accounts.get(me, accountId), detail.run(), lines);
    }

    private TemplateInstance render(AwsAccount account, Integer page, FormState form) {
        Viewer me = viewer.get();
        Paged<CollectionRun> runs = collections.runs(me, account.accountId, PageRequest.of(page, null));
        return Templates.account(account, runs, "/admin/accounts/" + account.accountId + "?", collections.mayStart(me, account), form);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
