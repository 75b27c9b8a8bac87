package io.tollgate.gate.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.web.RateLimited;
import io.tollgate.web.RateLimits;
import io.tollgate.gate.GateEvaluation.Verdict;
import io.tollgate.gate.service.Decision;
import io.tollgate.gate.service.EvaluationRequest;
import io.tollgate.gate.service.GateService;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The promotion gate as JSON, for CI and scripts: ask for a decision, read one, list a team's history. */
@Path("/api/v1/gate/evaluations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Promotion gate")
public class GateResource {

    @Inject
    GateService gate;

    @Inject
    CurrentViewer viewer;

    /** Evaluates; 201 with the new decision, or 200 with the stored one when the idempotency key was used before. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "May the team promote to the environment now? PASS or FAIL with every condition explained")
    @RateLimited(RateLimits.Limit.GATE_EVALUATIONS)
    public Response evaluate(EvaluationRequest request, UriInfo uri) {
        GateService.Outcome outcome = gate.evaluate(viewer.get(), request);
        Decision decision = outcome.decision();
        if (!outcome.created()) {
            return Response.ok(decision).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(decision.id())).build())
                .entity(decision).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored decision")
    public Decision get(@PathParam("id") long id) {
        return gate.find(viewer.get(), id);
    }

    /** The reason a security admin gives for passing a failed decision. */
    public record BreakGlassRequest(String reason) {
    }

    @POST
    @Path("/{id}/break-glass")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Let one failed decision pass, with a reason (a security admin; once per decision)")
    public Decision breakGlass(@PathParam("id") long id, BreakGlassRequest request) {
        return gate.breakGlass(viewer.get(), id, request == null ? null : request.reason());
    }

    @GET
    @Operation(summary = "A team's decisions, newest first; filter by target environment and verdict")
    public List<Decision> history(@QueryParam("team") String team, @QueryParam("environment") String environment,
                                  @QueryParam("verdict") Verdict verdict, @QueryParam("limit") @DefaultValue("50") int limit) {
        return gate.history(viewer.get(), team, environment, verdict, limit);
    }
}
