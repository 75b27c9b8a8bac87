package io.tollgate.findings.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.web.RateLimited;
import io.tollgate.web.RateLimits;
import io.tollgate.findings.Scan;
import io.tollgate.findings.ScanMode;
import io.tollgate.findings.importing.ImportService;
import io.tollgate.findings.importing.ReportRefusedException;
import io.tollgate.findings.parsers.ParserRegistry;
import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.service.ScanService;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The scan history, each scan's outcome, and the upload form. */
@Path("/scans")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ScanPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(Paged<Scan> scans, String team, String outcome, String pagerBase,
                                               List<Team> teams);

        static native TemplateInstance scan(Scan scan);

        static native TemplateInstance upload(List<Team> teams, List<Environment> environments,
                                              List<ReportFormat> formats, FormState form, String refusal, Long refusedScan);
    }

    @Inject
    ScanService scans;

    @Inject
    ImportService imports;

    @Inject
    TeamService teams;

    @Inject
    EnvironmentService environments;

    @Inject
    ParserRegistry parsers;

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance history(@QueryParam("team") String team, @QueryParam("outcome") String outcome,
                                    @QueryParam("page") Integer page) {
        Viewer me = viewer.get();
        String teamFilter = team == null ? "" : team;
        String outcomeFilter = outcome == null ? "" : outcome;
        return Templates.history(scans.history(me, new ScanService.ScanQuery(team, null, null, outcome), PageRequest.of(page, null)),
                teamFilter, outcomeFilter, "/scans?team=" + Links.encode(teamFilter) + "&outcome=" + Links.encode(outcomeFilter) + "&",
                visibleTeams(me));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance scan(@PathParam("id") long id) {
        return Templates.scan(scans.get(viewer.get(), id));
    }

    @GET
    @Path("/upload")
    public TemplateInstance uploadForm() {
        return upload(FormState.of(Map.of("environment", "dev", "mode", "FULL")), null, null);
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimits.Limit.UPLOADS)
    public Response upload(@RestForm String team, @RestForm String environment, @RestForm String component,
                           @RestForm String tool, @RestForm String format, @RestForm String mode,
                           @RestForm String commit, @RestForm String branch, @RestForm("file") FileUpload file) {
        Map<String, String> values = FormState.fields("team", team, "environment", environment, "component", component,
                "tool", tool, "format", format, "mode", mode, "commit", commit, "branch", branch);
        try {
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw new InvalidInputException("file", "choose the report file to upload");
            }
            ImportService.ImportRequest request = new ImportService.ImportRequest(team, environment, component, tool, format,
                    ScanMode.fromParameter(mode), commit, branch, null, file.fileName());
            ImportService.ImportSummary summary;
            try (InputStream body = Files.newInputStream(file.uploadedFile())) {
                summary = imports.importReport(viewer.get(), request, body);
            }
            return flash.success("/scans/" + summary.scanId(), "Imported " + summary.records() + " records: "
                    + summary.newCount() + " new, " + summary.unchanged() + " unchanged, " + summary.reopened()
                    + " reopened, " + summary.fixed() + " fixed.");
        } catch (ReportRefusedException e) {
            return Response.status(e.status()).entity(upload(FormState.of(values), e.getMessage(), e.scanId())).build();
        } catch (InvalidInputException e) {
            return Response.status(e.httpStatus()).entity(upload(FormState.refused(values, e), null, null)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TemplateInstance upload(FormState form, String refusal, Long refusedScan) {
        Viewer me = viewer.get();
        return Templates.upload(visibleTeams(me), environments.promotionPath(), parsers.formats(), form, refusal, refusedScan);
    }

    private List<Team> visibleTeams(Viewer viewer) {
        return teams.visibleTeams(viewer, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }
}
