package io.tollgate.gate.rest;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

/** Asking the gate through the API: explained decisions, idempotent retries, history, access and immutability. */
@QuarkusTest
class GateApiTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    String team;
    TestData.TestUser leadUser;
    Browser lead;

    @BeforeEach
    void setUp() {
        team = data.team();
        leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        lead = Browser.signedIn(leadUser, totp);
    }

    @Test
    void withoutDataEveryFindingConditionFailsWithNoData() {
        evaluate("prod", "k1").statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/gate/evaluations/\\d+"))
                .body("verdict", equalTo("FAIL"))
                .body("environment", equalTo("prod")).body("sourceEnvironment", equalTo("uat"))
                .body("policyHash", matchesPattern("[0-9a-f]{64}"))
                .body("conditions", hasSize(13))
                .body("conditions.find { it.metric == 'open:CRITICAL' }.actual", equalTo("no data"))
                .body("conditions.find { it.metric == 'score' }.actual", equalTo("0"))
                .body("conditions.find { it.metric == 'control:root-mfa-enabled' }.actual", equalTo("no data"))
                .body("conditions.find { it.metric == 'scan-age:sast' }.actual", equalTo("no data"))
                .body("conditions.find { it.metric == 'onboarding:members' }.actual", equalTo("0"))
                .body("conditions.find { it.metric == 'onboarding:leads' }.actual", equalTo("0"))
                .body("conditions.status", everyItem(equalTo("FAIL")))
                .body("conditions[0].source", equalTo("default.txt:8"))
                .body("inputs.scanned", equalTo(false)).body("inputs.members", equalTo(1)).body("inputs.leads", equalTo(1));
    }

    @Test
    void conditionsMeasureTheSourceEnvironment() {
        lead.request().contentType("application/json").body(SemgrepReports.report(List.of()))
                .post("/api/v1/scans?team=" + team + "&environment=uat&component=github.com/acme/orders").then().statusCode(201);
        evaluate("prod", "k1").statusCode(201).body("verdict", equalTo("FAIL"))
                .body("conditions.find { it.metric == 'open:CRITICAL' }.actual", equalTo("0"))
                .body("conditions.find { it.metric == 'open:CRITICAL' }.status", equalTo("PASS"))
                .body("conditions.find { it.metric == 'scan-age:sast' }.status", equalTo("PASS"))
                .body("conditions.find { it.metric == 'scan-age:dependencies' }.actual", equalTo("no data"));
        evaluate("uat", "k2").statusCode(201).body("sourceEnvironment", equalTo("staging"))
                .body("conditions.find { it.metric == 'open:CRITICAL' }.actual", equalTo("no data"));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheStoredDecision() {
        int id = evaluate("prod", "retry").statusCode(201).extract().path("id");
        evaluate("prod", "retry").statusCode(200).body("id", equalTo(id));
        lead.json().get("/api/v1/gate/evaluations/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("idempotencyKey", equalTo("retry")).body("commit", equalTo("abc123"));
    }

    @Test
    void twoConcurrentRequestsWithOneKeyBothAnswerTheStoredDecision() throws Exception {
        TestData.TestUser secondLead = data.user();
        data.member(team, secondLead, TeamRole.LEAD);
        List<Browser> callers = List.of(lead, Browser.signedIn(secondLead, totp));
        CyclicBarrier start = new CyclicBarrier(callers.size());
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (Browser caller : callers) {
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return caller.json().body(request("prod", "concurrent", null)).post("/api/v1/gate/evaluations")
                            .then().extract();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<Integer> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
                ids.add(answer.get().path("id"));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 201);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDecisionLinksToItselfAndToItsPage() {
        int id = evaluate("prod", "links").statusCode(201)
                .body("links.self", equalTo("/api/v1/gate/evaluations/" + lead.json().get("/api/v1/gate/evaluations?team=" + team)
                        .then().extract().path("[0].id")))
                .extract().path("id");
        evaluate("prod", "links").statusCode(200).body("links.portal", equalTo("/gate/decisions/" + id));
        assertThat(lead.get("/gate/decisions/" + id).then().statusCode(200).extract().asString())
                .contains("Gate decision " + id).contains("open:CRITICAL = 0").contains("default.txt:8");
        Browser.signedIn(data.user(), totp).get("/gate/decisions/" + id).then().statusCode(404);
    }

    @Test
    void historyIsNewestFirstAndFilters() {
        int first = evaluate("prod", "h1").statusCode(201).extract().path("id");
        int second = evaluate("uat", "h2").statusCode(201).extract().path("id");
        lead.json().get("/api/v1/gate/evaluations?team=" + team).then().statusCode(200)
                .body("id", equalTo(List.of(second, first)));
        lead.json().get("/api/v1/gate/evaluations?team=" + team + "&environment=prod&verdict=FAIL").then().statusCode(200)
                .body("id", equalTo(List.of(first)));
        lead.json().get("/api/v1/gate/evaluations?team=" + team + "&verdict=PASS").then().statusCode(200).body("", hasSize(0));
        lead.json().get("/api/v1/gate/evaluations").then().statusCode(400);
    }

    @Test
    void anAccountMustBelongToTheTeam() {
        String account = data.account(team, "uat");
        String foreign = data.account(data.team(), "uat");
        lead.json().body(request("prod", "a1", account)).post("/api/v1/gate/evaluations").then().statusCode(201)
                .body("account", equalTo(account));
        lead.json().body(request("prod", "a2", foreign)).post("/api/v1/gate/evaluations").then().statusCode(400);
        lead.json().body(request("prod", "a3", "12")).post("/api/v1/gate/evaluations").then().statusCode(400);
    }

    @Test
    void otherTeamsDecisionsAreNotFound() {
        int id = evaluate("prod", "private").statusCode(201).extract().path("id");
        Browser stranger = Browser.signedIn(data.user(), totp);
        stranger.json().get("/api/v1/gate/evaluations/" + id).then().statusCode(404);
        stranger.json().body(request("prod", "x", null)).post("/api/v1/gate/evaluations").then().statusCode(404);
        Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp).json().get("/api/v1/gate/evaluations/" + id)
                .then().statusCode(200);
    }

    @Test
    void decisionsAreAuditedAndTheDatabaseRefusesToChangeThem() throws SQLException {
        int id = evaluate("prod", "immutable").statusCode(201).extract().path("id");
        Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp).json()
                .get("/api/v1/audit-events?action=gate.evaluated&actor=" + leadUser.email()).then().statusCode(200)
                .body("items[0].subject", equalTo(String.valueOf(id)));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update gate_evaluation set verdict = 'PASS' where id = " + id))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from gate_evaluation where id = " + id))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void aSecurityAdminBreaksGlassOnceOnAFailedDecision() throws SQLException {
        int id = evaluate("prod", "glass").statusCode(201).body("passes", equalTo(false)).extract().path("id");
        Map<String, String> reason = Map.of("reason", "Hotfix for the payments outage INC-4211");
        lead.json().body(reason).post("/api/v1/gate/evaluations/" + id + "/break-glass").then().statusCode(403);
        TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        Browser admin = Browser.signedIn(adminUser, totp);
        admin.json().body(Map.of("reason", "because")).post("/api/v1/gate/evaluations/" + id + "/break-glass")
                .then().statusCode(400);
        admin.json().body(reason).post("/api/v1/gate/evaluations/" + id + "/break-glass").then().statusCode(200)
                .body("verdict", equalTo("FAIL")).body("passes", equalTo(true))
                .body("breakGlass.grantedBy", equalTo(adminUser.email()))
                .body("breakGlass.reason", equalTo(reason.get("reason")));
        admin.json().body(reason).post("/api/v1/gate/evaluations/" + id + "/break-glass").then().statusCode(409);
        lead.json().get("/api/v1/gate/evaluations?team=" + team).then()
                .body("[0].breakGlass.grantedBy", equalTo(adminUser.email())).body("[0].passes", equalTo(true));
        admin.json().get("/api/v1/audit-events?action=gate.break-glass&actor=" + adminUser.email()).then()
                .body("items[0].subject", equalTo(String.valueOf(id)));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("delete from gate_break_glass where evaluation_id = " + id))
                    .hasMessageContaining("append-only");
        }
    }

    private ValidatableResponse evaluate(String environment, String key) {
        return lead.json().body(request(environment, key, null)).post("/api/v1/gate/evaluations").then();
    }

    private Map<String, Object> request(String environment, String key, String account) {
        Map<String, Object> body = new HashMap<>(Map.of("team", team, "environment", environment,
                "commit", "abc123", "idempotencyKey", key));
        if (account != null) {
            body.put("account", account);
        }
        return body;
    }
}
