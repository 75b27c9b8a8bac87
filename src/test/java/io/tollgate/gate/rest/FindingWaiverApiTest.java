package io.tollgate.gate.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.gate.GateTeam;
import io.tollgate.gate.service.WaiverService;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Waivers on one finding: the finding is RISK_ACCEPTED while the waiver is active and the gate shows its conditions
 * as waived; revocation, expiry and (for "until fixed") the fix end it, with a history entry each.
 */
@QuarkusTest
class FindingWaiverApiTest {

    private static final String REASON = "Only reachable from the internal admin VPC, fix planned in Q1";
    private static final Result INJECTION = new Result("python.lambda.sql-injection", "src/orders/handler.py", 12, "CRITICAL", "CWE-89");
    private static final Result TRAVERSAL = new Result("python.lambda.path-traversal", "src/orders/files.py", 7, "HIGH", "CWE-22");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WaiverService waivers;

    GateTeam gate;
    String team;
    Browser lead;
    Browser admin;

    @BeforeEach
    void setUp() {
        gate = GateTeam.create(data, totp);
        team = gate.slug();
        lead = gate.lead();
        admin = gate.admin();
        gate.importScan(List.of(INJECTION, TRAVERSAL));
    }

    @Test
    void anApprovedWaiverAcceptsTheRiskAndTheGateShowsTheConditionWaivedUntilRevoked() {
        long finding = finding("CRITICAL");
        evaluate("f1").body("conditions.find { it.metric == 'open:CRITICAL' }.status", equalTo("FAIL"));
        int waiver = request(finding, Map.of("expiresOn", inDays(10))).statusCode(201)
                .body("kind", equalTo("FINDING")).body("finding", equalTo((int) finding)).extract().path("id");
        status(finding, "OPEN");
        admin.json().post("/api/v1/gate/waivers/" + waiver + "/approve").then().statusCode(200);

        status(finding, "RISK_ACCEPTED");
        lead.json().get("/api/v1/findings/" + finding).then()
                .body("history.detail", hasItem(containsString("OPEN → RISK_ACCEPTED: waiver " + waiver + " approved")));
        evaluate("f2").body("conditions.find { it.metric == 'open:CRITICAL' }.actual", equalTo("0"))
                .body("conditions.find { it.metric == 'open:CRITICAL' }.status", equalTo("WAIVED"))
                .body("conditions.find { it.metric == 'open:CRITICAL' }.waiver", equalTo(waiver))
                .body("inputs.waived.CRITICAL.open", equalTo(1));
        assertThat(lead.get("/gate/" + team + "/prod").then().statusCode(200).extract().asString()).contains("<a href=\"/findings/" + finding + "\">finding " + finding);
        assertThat(lead.get("/findings/" + finding).then().statusCode(200).extract().asString()).contains("Risk accepted: waiver " + waiver);

        admin.json().post("/api/v1/gate/waivers/" + waiver + "/revoke").then().statusCode(200);
        status(finding, "OPEN");
        lead.json().get("/api/v1/findings/" + finding).then()
                .body("history.detail", hasItem(containsString("RISK_ACCEPTED → OPEN: waiver " + waiver + " revoked")));
        evaluate("f3").body("conditions.find { it.metric == 'open:CRITICAL' }.status", equalTo("FAIL"));
    }

    @Test
    void anExpiredWaiverReopensTheFindingWithoutAnyoneClicking() throws SQLException {
        long finding = finding("HIGH");
        int waiver = request(finding, Map.of("expiresOn", inDays(2))).statusCode(201).extract().path("id");
        admin.json().post("/api/v1/gate/waivers/" + waiver + "/approve").then().statusCode(200);
        status(finding, "RISK_ACCEPTED");

        sql("update waiver set expires_at = now() - interval '1 minute' where id = " + waiver);
        waivers.endLapsed(null);

        status(finding, "OPEN");
        lead.json().get("/api/v1/gate/waivers/" + waiver).then().body("state", equalTo("EXPIRED"));
        lead.json().get("/api/v1/findings/" + finding).then()
                .body("history.detail", hasItem(containsString("waiver " + waiver + " expired")));
    }

    @Test
    void anUntilFixedWaiverEndsWhenTheFindingIsFixed() {
        long finding = finding("CRITICAL");
        int waiver = request(finding, Map.of("untilFixed", true)).statusCode(201).body("untilFixed", equalTo(true))
                .body("expiresAt", containsString(LocalDate.now(ZoneOffset.UTC).plusDays(91).toString())).extract().path("id");
        admin.json().post("/api/v1/gate/waivers/" + waiver + "/approve").then().statusCode(200);
        status(finding, "RISK_ACCEPTED");

        gate.importScan(List.of(TRAVERSAL));
        status(finding, "FIXED");
        evaluate("u1");
        lead.json().get("/api/v1/gate/waivers/" + waiver).then().body("state", equalTo("EXPIRED"));
        status(finding, "FIXED");
        lead.json().get("/api/v1/findings/" + finding).then()
                .body("history.detail", hasItem(containsString("waiver " + waiver + " ended: the finding was fixed")));
    }

    @Test
    void onlyAnOpenFindingOfTheTeamIsWaivedOnce() {
        long finding = finding("CRITICAL");
        request(finding, Map.of()).statusCode(400).body("errors[0].field", equalTo("expiresOn"));
        request(finding, Map.of("expiresOn", inDays(10))).statusCode(201);
        request(finding, Map.of("expiresOn", inDays(10))).statusCode(409).body("errors[0].field", equalTo("subject"));
        lead.json().body(Map.of("team", team, "kind", "FINDING", "subject", "abc", "reason", REASON, "expiresOn", inDays(3)))
                .post("/api/v1/gate/waivers").then().statusCode(400).body("errors[0].field", equalTo("subject"));
        lead.json().body(Map.of("team", team, "kind", "CONTROL", "subject", "root-mfa-enabled", "reason", REASON,
                "untilFixed", true)).post("/api/v1/gate/waivers").then().statusCode(400).body("errors[0].field", equalTo("untilFixed"));
        String other = data.team();
        TestData.TestUser otherLead = data.user();
        data.member(other, otherLead, TeamRole.LEAD);
        Browser.signedIn(otherLead, totp).json().body(Map.of("team", other, "kind", "FINDING", "subject", String.valueOf(finding),
                "reason", REASON, "expiresOn", inDays(3))).post("/api/v1/gate/waivers").then().statusCode(400)
                .body("errors[0].field", equalTo("subject"));
    }

    @Test
    void aLeadRequestsAWaiverFromTheFindingPage() {
        long finding = finding("HIGH");
        assertThat(lead.get("/findings/" + finding).then().statusCode(200).extract().asString()).contains("Request a waiver");
        lead.postForm("/gate/findings/" + finding + "/waivers", Map.of("team", team, "reason", REASON, "untilFixed", "true"))
                .then().statusCode(303).header("Location", containsString("/findings/" + finding));
        lead.json().get("/api/v1/gate/waivers?team=" + team).then().body("[0].finding", equalTo((int) finding))
                .body("[0].untilFixed", equalTo(true)).body("[0].state", equalTo("REQUESTED"));
    }

    private long finding(String severity) {
        return ((Number) lead.json().get("/api/v1/findings?team=" + team + "&severity=" + severity).then().statusCode(200)
                .extract().path("items[0].id")).longValue();
    }

    private void status(long finding, String status) {
        lead.json().get("/api/v1/findings/" + finding).then().statusCode(200).body("finding.status", equalTo(status));
    }

    private ValidatableResponse request(long finding, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("team", team, "kind", "FINDING", "subject", String.valueOf(finding),
                "reason", REASON));
        body.putAll(extra);
        return lead.json().body(body).post("/api/v1/gate/waivers").then();
    }

    private ValidatableResponse evaluate(String key) {
        return gate.evaluate(key, Map.of());
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }
}
