package io.tollgate.findings.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.web.RateLimited;
import io.tollgate.web.RateLimits;
import io.tollgate.findings.importing.ImportService;
import io.tollgate.findings.importing.ImportService.ImportRequest;
import io.tollgate.findings.importing.ImportService.ImportSummary;
import io.tollgate.findings.importing.UploadParameters;
import io.tollgate.findings.rest.FindingViews.ScanView;
import io.tollgate.findings.service.ScanService;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

@Path("/api/v1/scans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings")
public class ScanResource {

    @Inject
    ImportService imports;

    @Inject
    ScanService scans;

    @Inject
    CurrentViewer viewer;

    /**
     * Imports a report sent as the raw body (gzip allowed), with its target in query parameters. The format is
     * detected from the content unless {@code format} names it.
     */
    @POST
    @Consumes(UploadParameters.REPORT_MEDIA_TYPES)
    @RateLimited(RateLimits.Limit.UPLOADS)
    public Response upload(@BeanParam UploadParameters upload, InputStream body, UriInfo uri) {
        return created(imports.importReport(viewer.get(), upload.toImportRequest(), body), uri);
    }

    /** The same as a multipart form with the report in the part {@code file}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimits.Limit.UPLOADS)
    public Response uploadForm(@RestForm String team, @RestForm String environment, @RestForm String component,
                               @RestForm String tool, @RestForm String format, @RestForm String mode,
                               @RestForm String commit, @RestForm String branch, @RestForm String pipelineUrl,
                               @RestForm("file") FileUpload file, UriInfo uri) {
        if (file == null) {
            throw new InvalidInputException("file", "attach the report as the form part 'file'");
        }
        ImportRequest request = new UploadParameters(team, environment, component, tool, format, mode, commit, branch,
                pipelineUrl, file.fileName()).toImportRequest();
        try (InputStream body = Files.newInputStream(file.uploadedFile())) {
            return created(imports.importReport(viewer.get(), request, body), uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public Paged<ScanView> history(@QueryParam("team") String team, @QueryParam("environment") String environment,
                                   @QueryParam("component") String component, @QueryParam("outcome") String outcome,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return scans.history(viewer.get(), new ScanService.ScanQuery(team, environment, component, outcome),
                PageRequest.of(page, size)).map(ScanView::of);
    }

    @GET
    @Path("/{id}")
    public ScanView get(@PathParam("id") long id) {
        return ScanView.of(scans.get(viewer.get(), id));
    }

    private static Response created(ImportSummary summary, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/scans/{id}").build(summary.scanId()))
                .entity(summary).build();
    }
}
