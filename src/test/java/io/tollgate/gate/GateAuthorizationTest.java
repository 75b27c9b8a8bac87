package io.tollgate.gate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tollgate.findings.SemgrepReports.Result;
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

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Who acts on a team's gate: its members and security admins ask for decisions and request waivers; managers read
 * every team but act on none they are not in; outsiders do not learn that the team exists. A baseline of "new
 * findings only" must be a passing decision of the same team and target.
 */
@QuarkusTest
class GateAuthorizationTest {

    private static final String REASON = "Root MFA is being moved to a hardware key this sprint";

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    GateTeam gate;
    String team;
    Browser member;
    Browser manager;
    Browser outsider;

    @BeforeEach
    void setUp() {
        gate = GateTeam.create(data, totp);
        team = gate.slug();
        TestData.TestUser plainMember = data.user();
        data.member(team, plainMember, TeamRole.MEMBER);
        member = Browser.signedIn(plainMember, totp);
        manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);
        outsider = Browser.signedIn(data.user(), totp);
    }

    @Test
    void aManagerReadsTheGateButNeitherAsksItNorRequestsWaivers() {
        evaluate(manager, "m1").statusCode(403).body("detail", containsString("members and security admins"));
        requestWaiver(manager).statusCode(403);
        manager.postForm("/gate/" + team + "/prod/evaluate", Map.of()).then().statusCode(403);
        manager.postForm("/gate/" + team + "/prod/waivers", Map.of("kind", "CONTROL", "subject", "root-mfa-enabled",
                "reason", REASON, "expiresOn", inDays(30))).then().statusCode(403);

        manager.json().get("/api/v1/gate/evaluations?team=" + team).then().statusCode(200).body("$", empty());
        manager.json().get("/api/v1/gate/waivers?team=" + team).then().statusCode(200).body("$", empty());
        manager.get("/gate/" + team + "/prod").then().statusCode(200)
                .body(not(containsString("Ask the gate now"))).body(not(containsString("Request waiver")));
    }

    @Test
    void aManagerWhoIsAMemberOfTheTeamActsAsAMember() {
        TestData.TestUser user = data.user(GlobalRole.MANAGER);
        data.member(team, user, TeamRole.MEMBER);
        Browser memberManager = Browser.signedIn(user, totp);
        evaluate(memberManager, "mm1").statusCode(201);
        requestWaiver(memberManager).statusCode(201);
    }

    @Test
    void membersLeadsAndSecurityAdminsAskTheGateAndRequestWaivers() {
        evaluate(member, "a1").statusCode(201);
        evaluate(gate.lead(), "a2").statusCode(201);
        evaluate(gate.admin(), "a3").statusCode(201);
        requestWaiver(member).statusCode(201);
        requestWaiver(gate.admin()).statusCode(201);
        member.get("/gate/" + team + "/prod").then().statusCode(200)
                .body(containsString("Ask the gate now")).body(containsString("Request waiver"));
    }

    @Test
    void anOutsiderGetsTheSameNotFoundAsForATeamThatDoesNotExist() {
        String unknown = "no-such-team-" + TestData.unique();
        String hidden = evaluate(outsider, "o1").statusCode(404).extract().path("detail");
        String missing = outsider.json().body(Map.of("team", unknown, "environment", "prod", "idempotencyKey", "o2"))
                .post("/api/v1/gate/evaluations").then().statusCode(404).extract().path("detail");
        org.assertj.core.api.Assertions.assertThat(hidden).isEqualTo(missing).doesNotContain(team);
        requestWaiver(outsider).statusCode(404);
        gate.lead().json().get("/api/v1/gate/evaluations?team=" + team).then().statusCode(200).body("$", empty());
    }

    @Test
    void aFailedDecisionIsNoBaselineEvenAfterBreakGlass() {
        gate.importScan(List.of(new Result("python.lambda.sql-injection", "src/orders/handler.py", 12, "CRITICAL", "CWE-89")));
        int failed = evaluate(gate.lead(), "f1").statusCode(201).body("verdict", equalTo("FAIL")).extract().path("id");
        evaluateWithBaseline(gate.lead(), "f2", failed).statusCode(422)
                .body("errors[0].field", equalTo("baselineDecisionId")).body("detail", containsString("passing decision"));

        gate.admin().json().body(Map.of("reason", "Hotfix for an outage, owner on call agreed"))
                .post("/api/v1/gate/evaluations/" + failed + "/break-glass").then().statusCode(200).body("passes", equalTo(true));
        evaluateWithBaseline(gate.lead(), "f3", failed).statusCode(422)
                .body("errors[0].field", equalTo("baselineDecisionId"));
        gate.lead().json().get("/api/v1/gate/evaluations?team=" + team).then().body("$", hasSize(1));
    }

    @Test
    void aBaselineOfAnotherTeamOrTargetIsRefusedAlike() {
        GateTeam other = GateTeam.create(data, totp);
        int foreign = other.lead().json().body(Map.of("team", other.slug(), "environment", "prod", "idempotencyKey", "x1"))
                .post("/api/v1/gate/evaluations").then().statusCode(201).extract().path("id");
        int uat = gate.lead().json().body(Map.of("team", team, "environment", "uat", "idempotencyKey", "u1"))
                .post("/api/v1/gate/evaluations").then().statusCode(201).extract().path("id");
        String ofOtherTeam = evaluateWithBaseline(gate.lead(), "x2", foreign).statusCode(422)
                .body("errors[0].field", equalTo("baselineDecisionId")).extract().path("detail");
        String ofOtherTarget = evaluateWithBaseline(gate.lead(), "x3", uat).statusCode(422).extract().path("detail");
        String unknown = evaluateWithBaseline(gate.lead(), "x4", Integer.MAX_VALUE).statusCode(422).extract().path("detail");
        org.assertj.core.api.Assertions.assertThat(List.of(ofOtherTeam, ofOtherTarget)).containsOnly(unknown);
        org.assertj.core.api.Assertions.assertThat(ofOtherTeam).doesNotContain(other.slug());
    }

    private ValidatableResponse evaluate(Browser browser, String key) {
        return browser.json().body(Map.of("team", team, "environment", "prod", "idempotencyKey", key))
                .post("/api/v1/gate/evaluations").then();
    }

    private ValidatableResponse evaluateWithBaseline(Browser browser, String key, int baseline) {
        Map<String, Object> body = new HashMap<>(Map.of("team", team, "environment", "prod", "idempotencyKey", key));
        body.put("baselineDecisionId", baseline);
        return browser.json().body(body).post("/api/v1/gate/evaluations").then();
    }

    private ValidatableResponse requestWaiver(Browser browser) {
        return browser.json().body(Map.of("team", team, "kind", "CONTROL", "subject", "root-mfa-enabled",
                "reason", REASON, "expiresOn", inDays(30))).post("/api/v1/gate/waivers").then();
    }

    private static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }
}
