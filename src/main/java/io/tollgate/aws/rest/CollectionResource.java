package io.tollgate.aws.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.aws.CollectionRun;
import io.tollgate.aws.CollectionService;
import io.tollgate.aws.rest.CollectionViews.RunView;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
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

/** Collections of an AWS account by Tollgate's own checks: start one ("Scan now"), list them, poll one. */
@Path("/api/v1/accounts/{accountId}/collections")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "AWS collector")
public class CollectionResource {

    @Inject
    CollectionService collections;

    @Inject
    CurrentViewer viewer;

    /** Queues a collection and answers 202 with the run to poll; 409 while another run of the account is active. */
    @POST
    public Response start(@PathParam("accountId") String accountId, UriInfo uri) {
        CollectionRun run = collections.scanNow(viewer.get(), accountId);
        return Response.accepted(RunView.of(run, accountId, null))
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(run.id)).build()).build();
    }

    @GET
    public Paged<RunView> list(@PathParam("accountId") String accountId, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size) {
        return collections.runs(viewer.get(), accountId, PageRequest.of(page, size)).map(run -> RunView.of(run, accountId, null));
    }

    @GET
    @Path("/{runId}")
    public RunView get(@PathParam("accountId") String accountId, @PathParam("runId") long runId) {
        return RunView.of(collections.run(viewer.get(), accountId, runId), accountId);
    }
}
