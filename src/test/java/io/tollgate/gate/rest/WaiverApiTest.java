package io.tollgate.gate.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

/** Waiver rules through the API, and how approved waivers change the gate's decisions. */
@QuarkusTest
class WaiverApiTest {

    private static final String REASON = "Root MFA is being moved to a hardware key this sprint";

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    String team;
    Browser lead;
    TestData.TestUser adminUser;
    Browser admin;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        lead = Browser.signedIn(user, totp);
        adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        admin = Browser.signedIn(adminUser, totp);
    }

    @Test
    void aRequestWithoutAValidExpiryOrReasonFailsClosed() {
        request(lead, "CONTROL", "root-mfa-enabled", REASON, null).statusCode(400).body(containsString("expiresOn"));
        request(lead, "CONTROL", "root-mfa-enabled", REASON, "next week").statusCode(400).body(containsString("expiresOn"));
        request(lead, "CONTROL", "root-mfa-enabled", REASON, inDays(91)).statusCode(400).body(containsString("expiresOn"));
        request(lead, "CONTROL", "root-mfa-enabled", REASON, inDays(-1)).statusCode(400).body(containsString("expiresOn"));
        request(lead, "CONTROL", "root-mfa-enabled", "too short", inDays(30)).statusCode(400).body(containsString("reason"));
        request(lead, "CONTROL", "no-such-control", REASON, inDays(30)).statusCode(400).body(containsString("subject"));
        request(lead, "CONDITION", "open:LOW", REASON, inDays(30)).statusCode(400).body(containsString("subject"));
        request(lead, "CONTROL", "root-mfa-enabled", REASON, inDays(90)).statusCode(201).body("state", equalTo("REQUESTED"));
    }

    @Test
    void onlyAnotherSecurityAdminDecides() {
        int own = request(admin, "CONTROL", "root-mfa-enabled", REASON, inDays(30)).statusCode(201).extract().path("id");
        admin.json().post("/api/v1/gate/waivers/" + own + "/approve").then().statusCode(403);
        int asked = request(lead, "CONTROL", "root-mfa-enabled", REASON, inDays(30)).statusCode(201).extract().path("id");
        lead.json().post("/api/v1/gate/waivers/" + asked + "/approve").then().statusCode(403);
        admin.json().post("/api/v1/gate/waivers/" + asked + "/deny").then().statusCode(200)
                .body("state", equalTo("DENIED")).body("decidedBy", equalTo(adminUser.email()));
        admin.json().post("/api/v1/gate/waivers/" + asked + "/approve").then().statusCode(409);
        admin.json().get("/api/v1/audit-events?action=gate.waiver-denied&actor=" + adminUser.email()).then()
                .body("total", equalTo(1));
    }

    @Test
    void approvedWaiversTurnAFailIntoAPassWithWaiversUntilRevoked() {
        List<String> failed = evaluate("w1").body("verdict", equalTo("FAIL")).extract().path("conditions.metric");
        List<Integer> ids = failed.stream().map(metric -> request(lead, "CONDITION", metric, REASON, inDays(30))
                .statusCode(201).extract().<Integer>path("id")).toList();
        evaluate("w2").body("verdict", equalTo("FAIL"));
        ids.forEach(id -> admin.json().post("/api/v1/gate/waivers/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED")));

        evaluate("w3").body("verdict", equalTo("PASS_WITH_WAIVERS"))
                .body("conditions.status", everyItem(equalTo("WAIVED")))
                .body("conditions.waiver", everyItem(notNullValue()))
                .body("conditions[0].waiver", equalTo(ids.get(0)));

        admin.json().post("/api/v1/gate/waivers/" + ids.get(0) + "/revoke").then().statusCode(200).body("state", equalTo("REVOKED"));
        evaluate("w4").body("verdict", equalTo("FAIL"))
                .body("conditions[0].status", equalTo("FAIL")).body("conditions[1].status", equalTo("WAIVED"));
        lead.json().get("/api/v1/gate/waivers?team=" + team).then().statusCode(200)
                .body("find { it.id == " + ids.get(0) + " }.state", equalTo("REVOKED"));
    }

    @Test
    void theExpiringListShowsActiveWaiversEndingWithinAWeek() {
        int soon = request(lead, "CONTROL", "root-mfa-enabled", REASON, inDays(3)).statusCode(201).extract().path("id");
        int later = request(lead, "CONTROL", "api-stage-waf", REASON, inDays(30)).statusCode(201).extract().path("id");
        request(lead, "CONTROL", "xray-tracing-active", REASON, inDays(2)).statusCode(201);
        admin.json().post("/api/v1/gate/waivers/" + soon + "/approve").then().statusCode(200);
        admin.json().post("/api/v1/gate/waivers/" + later + "/approve").then().statusCode(200);
        lead.json().get("/api/v1/gate/waivers?team=" + team + "&expiring=true").then().statusCode(200)
                .body("id", equalTo(List.of(soon)));
        Browser.signedIn(data.user(), totp).json().get("/api/v1/gate/waivers?team=" + team).then().statusCode(404);
    }

    @Test
    void securityAdminsSeeEveryTeamsWaiversExpiringWithinAWeek() {
        int soon = request(lead, "CONTROL", "root-mfa-enabled", REASON, inDays(6)).statusCode(201).extract().path("id");
        int later = request(lead, "CONTROL", "api-stage-waf", REASON, inDays(8)).statusCode(201).extract().path("id");
        admin.json().post("/api/v1/gate/waivers/" + soon + "/approve").then().statusCode(200);
        admin.json().post("/api/v1/gate/waivers/" + later + "/approve").then().statusCode(200);
        Browser otherAdmin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        otherAdmin.json().get("/api/v1/gate/waivers/expiring?size=200").then().statusCode(200)
                .body("items.id", hasItem(soon)).body("items.id", not(hasItem(later)))
                .body("items.find { it.id == " + soon + " }.team", equalTo(team));
        otherAdmin.json().get("/api/v1/gate/waivers/expiring?size=0").then().statusCode(400);
        lead.json().get("/api/v1/gate/waivers/expiring").then().statusCode(403);
        assertThat(otherAdmin.get("/admin/waivers").then().statusCode(200).extract().asString())
                .contains("Waivers expiring soon").contains(team);
        lead.get("/admin/waivers").then().statusCode(403);
    }

    private ValidatableResponse evaluate(String key) {
        return lead.json().body(Map.of("team", team, "environment", "prod", "idempotencyKey", key))
                .post("/api/v1/gate/evaluations").then().statusCode(201);
    }

    private ValidatableResponse request(Browser who, String kind, String subject, String reason, String expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("team", team, "kind", kind, "subject", subject, "reason", reason));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn);
        }
        return who.json().body(body).post("/api/v1/gate/waivers").then();
    }

    private static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }
}
