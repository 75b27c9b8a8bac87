package io.tollgate.scorecard.web;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.scorecard.service.WorkedExample;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard pages: a team's tabs, checks and chart; the overview with its CSV; the worked example. */
@QuarkusTest
class ScorecardPagesTest {

    private static final Result SQL = new Result("python.lambda.sql-injection", "src/orders/handler.py", 12, "ERROR", "CWE-89: SQL Injection");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    WorkedExample example;

    String team;
    Browser lead;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        lead = Browser.signedIn(user, totp);
        lead.request().contentType("application/json").body(SemgrepReports.report(List.of(SQL)))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders").then().statusCode(201);
    }

    @Test
    void aTeamScorecardShowsTabsPillarsFindingsAndTrend() {
        String page = lead.get("/scorecards/" + team + "/dev").then().statusCode(200).extract().asString();

        assertThat(page).contains("href=\"/scorecards/" + team + "/prod\"").contains("aria-current=\"page\"")
                .contains("Vulnerabilities <span class=\"figure heat-top\">90.0</span>")
                .contains("Fix the 1 open high finding").contains("<svg class=\"trend-chart\"")
                .contains("A05:2025").contains("href=\"/lessons/").doesNotContain("style=");
        assertThat(lead.get("/scorecards/" + team + "/prod").then().statusCode(200).extract().asString())
                .contains("No scan imported yet.");
        assertThat(lead.get("/scorecards/" + data.team()).then().extract().statusCode()).isEqualTo(404);
    }

    @Test
    void theOverviewShowsTheHeatmapAndExportsCsv() {
        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);

        assertThat(manager.get("/scorecards?q=" + team).then().statusCode(200).extract().asString())
                .contains("<a href=\"/scorecards/" + team + "/dev\">").contains("Organisation trend");
        assertThat(manager.get("/scorecards?q=" + team + "&level=GOLD").then().statusCode(200).extract().asString())
                .doesNotContain("/scorecards/" + team + "/dev");
        String csv = manager.get("/scorecards/export.csv").then().statusCode(200)
                .contentType("text/csv; charset=utf-8").extract().asString();
        assertThat(csv).startsWith("team,name,environment,score,level,incomplete,week_change,taken_at\r\n")
                .contains(team + ",Team " + team + ",dev,");
    }

    @Test
    void aMemberSeesOnlyTheirOwnTeamsOnTheOverview() {
        String other = data.team();
        TestData.TestUser stranger = data.user();
        data.member(other, stranger, TeamRole.LEAD);
        Browser.signedIn(stranger, totp).request().contentType("application/json").body(SemgrepReports.report(List.of(SQL)))
                .post("/api/v1/scans?team=" + other + "&environment=dev&component=github.com/acme/orders").then().statusCode(201);

        String page = lead.get("/scorecards").then().statusCode(200).extract().asString();
        String csv = lead.get("/scorecards/export.csv").then().statusCode(200).extract().asString();

        assertThat(page).contains("/scorecards/" + team + "/dev").doesNotContain(other);
        assertThat(csv).contains(team).doesNotContain(other);
        assertThat(lead.get("/scorecards/" + other + "/dev").then().extract().statusCode()).isEqualTo(404);
    }

    @Test
    void howScoresWorkShowsTheExampleComputedByTheScoringCode() {
        String page = lead.get("/scorecards/how").then().statusCode(200).extract().asString();

        assertThat(page).contains("A worked example")
                .contains("<strong class=\"figure\">" + example.scorecard().score() + "</strong>");
    }
}
