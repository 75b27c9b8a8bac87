package io.tollgate.scorecard.rest;

import io.quarkus.security.Authenticated;
import io.tollgate.scorecard.rest.ScorecardViews.ScorecardView;
import io.tollgate.scorecard.rest.ScorecardViews.SnapshotView;
import io.tollgate.scorecard.service.OrganisationOverview;
import io.tollgate.scorecard.service.ScorecardService;
import io.tollgate.security.CurrentViewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Scorecards as JSON: a team's current scorecard and history per environment, and the organisation summary. */
@Path("/api/v1/scorecards")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards")
public class ScorecardResource {

    @Inject
    ScorecardService scorecards;

    @Inject
    OrganisationOverview overview;

    @Inject
    CurrentViewer viewer;

    /** Every team the viewer may see × every environment, from the latest snapshots, with trend and movers. */
    @GET
    public OrganisationOverview.Overview summary() {
        return overview.of(viewer.get(), scorecards.trendDays());
    }

    /** The team's scorecard in the environment, computed now, with the checks behind each figure. */
    @GET
    @Path("/{team}/{environment}")
    public ScorecardView current(@PathParam("team") String team, @PathParam("environment") String environment) {
        return ScorecardView.of(scorecards.current(viewer.get(), team, environment));
    }

    /** The snapshots of the last {@code days} days (90 by default), oldest first. */
    @GET
    @Path("/{team}/{environment}/history")
    public List<SnapshotView> history(@PathParam("team") String team, @PathParam("environment") String environment,
                                      @QueryParam("days") @DefaultValue("90") int days) {
        return scorecards.history(viewer.get(), team, environment, days).stream().map(SnapshotView::of).toList();
    }
}
