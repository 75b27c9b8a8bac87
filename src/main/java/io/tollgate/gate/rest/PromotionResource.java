package io.tollgate.gate.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.web.RateLimited;
import io.tollgate.web.RateLimits;
import io.tollgate.gate.service.PromotionService;
import io.tollgate.gate.service.PromotionView;
import io.tollgate.security.CurrentViewer;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Account promotion to production as JSON: request, ask the gate again, confirm, list. */
@Path("/api/v1/gate/promotions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Promotion gate")
public class PromotionResource {

    /** The account to promote, by its 12-digit AWS id. */
    public record PromotionDraft(String account) {
    }

    @Inject
    PromotionService promotions;

    @Inject
    CurrentViewer viewer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request promotion of an account to production (a lead of its team); the gate decides at once")
    @RateLimited(RateLimits.Limit.GATE_EVALUATIONS)
    public Response request(PromotionDraft draft, UriInfo uri) {
        PromotionView created = promotions.request(viewer.get(), draft == null ? null : draft.account());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "A team's promotion requests, newest first")
    public List<PromotionView> list(@QueryParam("team") String team) {
        return promotions.list(viewer.get(), team);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One promotion request")
    public PromotionView get(@PathParam("id") long id) {
        return promotions.find(viewer.get(), id);
    }

    @POST
    @Path("/{id}/evaluate")
    @Operation(summary = "Ask the gate again for a request that has not passed")
    @RateLimited(RateLimits.Limit.GATE_EVALUATIONS)
    public PromotionView reevaluate(@PathParam("id") long id) {
        return promotions.reevaluate(viewer.get(), id);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "Confirm a passing request (a security admin): the account moves to production")
    public PromotionView confirm(@PathParam("id") long id) {
        return promotions.confirm(viewer.get(), id);
    }
}
