package io.tollgate.scorecard.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tollgate.web.RateLimited;
import io.tollgate.web.RateLimits;
import io.tollgate.org.Environment;
import io.tollgate.platform.Csv;
import io.tollgate.scorecard.ScorecardSnapshot;
import io.tollgate.scorecard.scoring.ScoreInputs;
import io.tollgate.scorecard.scoring.Scorecard;
import io.tollgate.scorecard.scoring.ScoringRules;
import io.tollgate.scorecard.service.OrganisationOverview;
import io.tollgate.scorecard.service.OrganisationOverview.Overview;
import io.tollgate.scorecard.service.ScorecardService;
import io.tollgate.scorecard.service.ScorecardService.TeamScorecard;
import io.tollgate.scorecard.service.WorkedExample;
import io.tollgate.security.CurrentViewer;
import io.tollgate.training.catalog.LessonRef;
import io.tollgate.training.catalog.TrainingCatalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The scorecard pages: the manager overview, a team's scorecard per environment, and how scores work. */
@Path("/scorecards")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ScorecardPages {

    /** An OWASP category with its open findings and the lesson that teaches it. */
    public record OwaspRow(String category, String name, long open, LessonRef lesson) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Overview overview, List<OrganisationOverview.Row> rows, String q,
                                                String level, String sort, TrendChart trend);

        static native TemplateInstance team(TeamScorecard current, List<Environment> environments, TrendChart trend,
                                            List<OwaspRow> owasp, int trendDays);

        static native TemplateInstance how(ScoringRules rules, ScoreInputs inputs, Scorecard example);
    }

    @Inject
    ScorecardService scorecards;

    @Inject
    OrganisationOverview overview;

    @Inject
    WorkedExample example;

    @Inject
    TrainingCatalog catalog;

    @Inject
    CurrentViewer viewer;

    @GET
    public TemplateInstance overview(@QueryParam("q") String q, @QueryParam("level") String level,
                                     @QueryParam("sort") String sort) {
        Overview all = overview.of(viewer.get(), scorecards.trendDays());
        Map<LocalDate, Double> trend = new LinkedHashMap<>();
        all.trend().forEach(p -> trend.put(p.day(), p.score()));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Templates.overview(all, OrganisationOverview.select(all.rows(), q, level, sort), q == null ? "" : q,
                level == null ? "" : level, sort == null ? "" : sort,
                TrendChart.of(trend, today.minusDays(scorecards.trendDays()), today));
    }

    /** The overview grid as CSV, one line per team and environment. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @RateLimited(RateLimits.Limit.EXPORTS)
    public Response csv() {
        Overview all = overview.of(viewer.get(), scorecards.trendDays());
        StringBuilder csv = new StringBuilder(Csv.line(Stream.of("team", "name", "environment", "score", "level",
                "incomplete", "week_change", "taken_at")));
        for (OrganisationOverview.Row row : all.rows()) {
            row.cells().values().forEach(c -> csv.append(Csv.line(Stream.of(row.team(), row.teamName(), c.environment(),
                    text(c.score()), c.level() == null ? "" : c.level().name(), String.valueOf(c.incomplete()),
                    text(c.change()), c.takenAt().toString()))));
        }
        return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"scorecards.csv\"").build();
    }

    @GET
    @Path("/how")
    public TemplateInstance how() {
        return Templates.how(example.rules(), example.inputs(), example.scorecard());
    }

    @GET
    @Path("/{team}")
    public TemplateInstance team(@PathParam("team") String team) {
        return team(team, Environment.inPromotionOrder().get(0).key);
    }

    @GET
    @Path("/{team}/{environment}")
    public TemplateInstance team(@PathParam("team") String team, @PathParam("environment") String environment) {
        TeamScorecard current = scorecards.current(viewer.get(), team, environment);
        int days = scorecards.trendDays();
        Map<LocalDate, Double> byDay = new LinkedHashMap<>();
        for (ScorecardSnapshot snapshot : scorecards.history(viewer.get(), team, environment, days)) {
            if (snapshot.score != null) {
                byDay.put(LocalDate.ofInstant(snapshot.takenAt, ZoneOffset.UTC), snapshot.score);
            }
        }
        LocalDate today = LocalDate.ofInstant(current.computedAt(), ZoneOffset.UTC);
        Scorecard card = current.scorecard();
        if (card.score() != null) {
            byDay.put(today, card.score());
        }
        List<OwaspRow> owasp = current.findings().openByOwasp().entrySet().stream()
                .map(e -> new OwaspRow(e.getKey(), catalog.owaspCategories().getOrDefault(e.getKey(), ""), e.getValue(),
                        catalog.lessonForOwasp(e.getKey()).orElse(null))).toList();
        return Templates.team(current, Environment.inPromotionOrder(), TrendChart.of(byDay, today.minusDays(days), today), owasp, days);
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }
}
