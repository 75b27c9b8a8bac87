package io.tollgate.training.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.web.RateLimited;
import io.tollgate.web.RateLimits;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.CurrentViewer;
import io.tollgate.training.rest.TrainingViews.OverdueView;
import io.tollgate.training.rest.TrainingViews.PlanView;
import io.tollgate.training.rest.TrainingViews.TeamProgressView;
import io.tollgate.training.rest.TrainingViews.TeamSummaryView;
import io.tollgate.training.service.ProgressService;
import io.tollgate.training.service.ProgressService.TeamProgress;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Training progress. A learner reads their own, a lead that of their teams' members, managers and security admins
 * everyone's. The team views carry the training figure of the scorecard.
 */
@Path("/api/v1/progress")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training")
public class ProgressResource {

    static final String CSV = "text/csv";

    @Inject
    ProgressService progress;

    @Inject
    CurrentViewer viewer;

    @GET
    @Path("/me")
    @Operation(summary = "The caller's assignments with progress, and the lesson to resume with")
    public PlanView me() {
        return PlanView.of(progress.myPlan(viewer.get()));
    }

    @GET
    @Path("/people/{id}")
    @Operation(summary = "A person's assignments with progress")
    public PlanView person(@PathParam("id") long id) {
        return PlanView.of(progress.plan(viewer.get(), id));
    }

    @GET
    @Path("/teams")
    @Operation(summary = "Completion by team, with each team's training figure")
    public Paged<TeamSummaryView> teams(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return progress.teams(viewer.get(), PageRequest.of(page, size)).map(TeamSummaryView::of);
    }

    @GET
    @Path("/teams/{slug}")
    @Operation(summary = "Completion by person in a team, with the team's training figure")
    public TeamProgressView team(@PathParam("slug") String slug) {
        return TeamProgressView.of(progress.team(viewer.get(), slug));
    }

    @GET
    @Path("/teams/{slug}/export")
    @Produces(CSV)
    @Operation(summary = "Completion by person in a team as CSV, one row per member and assignment")
    @RateLimited(RateLimits.Limit.EXPORTS)
    public Response export(@PathParam("slug") String slug) {
        TeamProgress team = progress.team(viewer.get(), slug);
        return Response.ok(ProgressCsv.of(team), CSV + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"training-" + team.team().slug + ".csv\"")
                .build();
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Assignments past their due date among the people the caller manages, longest overdue first")
    public Paged<OverdueView> overdue(@QueryParam("team") String team, @QueryParam("page") Integer page,
                                      @QueryParam("size") Integer size) {
        return progress.overdue(viewer.get(), team, PageRequest.of(page, size)).map(OverdueView::of);
    }
}
