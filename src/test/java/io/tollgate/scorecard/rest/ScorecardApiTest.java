package io.tollgate.scorecard.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The scorecard API on real imports, and who may read which scorecard. */
@QuarkusTest
class ScorecardApiTest {

    private static final Result SQL = new Result("python.lambda.sql-injection", "src/orders/handler.py", 12, "ERROR", "CWE-89: SQL Injection");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    String team;
    Browser lead;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        lead = Browser.signedIn(user, totp);
    }

    @Test
    void withoutScansTheVulnerabilitiesAndControlsHaveNoFigure() {
        lead.json().get("/api/v1/scorecards/" + team + "/dev").then().statusCode(200)
                .body("pillars.find { it.pillar == 'VULNERABILITIES' }.value", nullValue())
                .body("pillars.find { it.pillar == 'VULNERABILITIES' }.checks[0].actual", equalTo("no data"))
                .body("pillars.find { it.pillar == 'CONTROLS' }.value", nullValue())
                .body("pillars.find { it.pillar == 'FRESHNESS' }.value", equalTo(0.0f))
                .body("incomplete", equalTo(true)).body("level", nullValue());
    }

    @Test
    void aScorecardFollowsTheImportsWithItsReasons() throws IOException {
        String account = TestData.accountId();
        Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp).json()
                .body(Map.of("accountId", account, "name", "Orders dev", "team", team, "environment", "dev",
                        "roleArn", "arn:aws:iam::" + account + ":role/TollgateAudit", "externalId", "tollgate-ext-1"))
                .post("/api/v1/accounts").then().statusCode(201);
        lead.request().contentType("application/json").body(SemgrepReports.report(List.of(SQL)))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders").then().statusCode(201);
        try (InputStream csv = getClass().getResourceAsStream("/reports/prowler-csv/one.csv")) {
            lead.request().contentType("text/csv").body(csv.readAllBytes())
                    .post("/api/v1/scans?team=" + team + "&environment=dev&component=aws:" + account + "&format=prowler-csv")
                    .then().statusCode(201);
        }

        // Vulnerabilities: 100 − 10 (high) − 3 (medium) = 87; controls: the one evaluated control fails = 0;
        // training: the lead has not started onboarding = 0; freshness: sast and account of 5 kinds = 40.
        // Score: (87 × 40 + 0 × 30 + 0 × 20 + 40 × 10) / 100 = 38.8.
        lead.json().get("/api/v1/scorecards/" + team + "/dev").then().statusCode(200)
                .body("pillars.value", equalTo(List.of(87.0f, 0.0f, 0.0f, 40.0f)))
                .body("score", equalTo(38.8f)).body("incomplete", equalTo(false))
                .body("pillars[1].checks[0].id", equalTo("control:supported-runtimes"))
                .body("pillars[1].checks[0].passed", equalTo(false))
                .body("openBySeverity.HIGH", equalTo(1)).body("openBySeverity.MEDIUM", equalTo(1))
                .body("fixNext[0].gain", not(nullValue()))
                .body("levels.BRONZE.find { it.id == 'open_critical' }.passed", equalTo(true));
        lead.json().get("/api/v1/scorecards/" + team + "/dev/history").then().statusCode(200)
                .body("", hasSize(2)).body("cause", equalTo(List.of("IMPORT", "IMPORT")))
                .body("[1].score", equalTo(38.8f));
    }

    @Test
    void membersReadOnlyTheirTeamsScorecards() {
        String other = data.team();
        lead.json().get("/api/v1/scorecards/" + other + "/dev").then().statusCode(404);
        lead.json().get("/api/v1/scorecards/" + other + "/dev/history").then().statusCode(404);
        Browser.anonymous().request().accept("application/json").get("/api/v1/scorecards/" + team + "/dev").then().statusCode(401);

        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);
        manager.json().get("/api/v1/scorecards/" + other + "/dev").then().statusCode(200);
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        admin.json().get("/api/v1/scorecards/" + team + "/prod/history").then().statusCode(200);
    }

    @Test
    void theSummaryShowsOnlyTheTeamsTheViewerMaySee() {
        lead.request().contentType("application/json").body(SemgrepReports.report(List.of(SQL)))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders").then().statusCode(201);
        String other = data.team();
        TestData.TestUser stranger = data.user();
        data.member(other, stranger, TeamRole.LEAD);
        Browser.signedIn(stranger, totp).request().contentType("application/json").body(SemgrepReports.report(List.of(SQL)))
                .post("/api/v1/scans?team=" + other + "&environment=dev&component=github.com/acme/orders").then().statusCode(201);

        lead.json().get("/api/v1/scorecards").then().statusCode(200)
                .body("rows.team", equalTo(List.of(team)))
                .body("rows[0].cells.dev.score", not(nullValue()))
                .body("environments", hasItem("prod"));
        Browser.signedIn(data.user(GlobalRole.MANAGER), totp).json().get("/api/v1/scorecards").then().statusCode(200)
                .body("rows.team", hasItem(team)).body("rows.team", hasItem(other));
    }
}
