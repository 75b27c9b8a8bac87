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
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** Promoting an account to production: only through a passing (or break-glass) decision and a security admin. */
@QuarkusTest
class PromotionApiTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    String team;
    String account;
    Browser lead;
    Browser admin;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        lead = Browser.signedIn(user, totp);
        admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        account = data.account(team, "uat");
    }

    @Test
    void onlyALeadRequestsAndOnlyOnceAtATime() {
        TestData.TestUser member = data.user();
        data.member(team, member, TeamRole.MEMBER);
        Browser.signedIn(member, totp).json().body(Map.of("account", account)).post("/api/v1/gate/promotions")
                .then().statusCode(403);
        requestPromotion().statusCode(201).body("state", equalTo("NOT_PASSED")).body("verdict", equalTo("FAIL"))
                .body("fromEnvironment", equalTo("uat")).body("toEnvironment", equalTo("prod")).body("attempts", equalTo(1));
        requestPromotion().statusCode(409);
        lead.json().body(Map.of("account", data.account(team, "prod"))).post("/api/v1/gate/promotions").then().statusCode(409);
    }

    @Test
    void aFailedDecisionMovesNothingUntilBreakGlass() {
        int id = requestPromotion().statusCode(201).extract().path("id");
        admin.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(409);
        accountEnvironment("uat");
        int evaluation = lead.json().get("/api/v1/gate/promotions/" + id).then().extract().path("evaluation");
        admin.json().body(Map.of("reason", "Regulator deadline, fixes tracked in SEC-1234"))
                .post("/api/v1/gate/evaluations/" + evaluation + "/break-glass").then().statusCode(200);
        lead.json().get("/api/v1/gate/promotions/" + id).then().body("state", equalTo("AWAITING_CONFIRMATION"));
        lead.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(403);
        admin.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(200)
                .body("state", equalTo("PROMOTED"));
        accountEnvironment("prod");
        admin.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(409);
    }

    @Test
    void afterApprovedWaiversTheGateIsAskedAgainAndTheAccountMoves() {
        ValidatableResponse requested = requestPromotion().statusCode(201);
        int id = requested.extract().path("id");
        int evaluation = requested.extract().path("evaluation");
        List<String> failed = lead.json().get("/api/v1/gate/evaluations/" + evaluation).then().extract().path("conditions.metric");
        for (String metric : failed) {
            int waiver = lead.json().body(Map.of("team", team, "kind", "CONDITION", "subject", metric,
                            "reason", "Accepted for the launch, owner: platform team", "expiresOn",
                            LocalDate.now(ZoneOffset.UTC).plusDays(14).toString()))
                    .post("/api/v1/gate/waivers").then().statusCode(201).extract().path("id");
            admin.json().post("/api/v1/gate/waivers/" + waiver + "/approve").then().statusCode(200);
        }
        lead.json().post("/api/v1/gate/promotions/" + id + "/evaluate").then().statusCode(200)
                .body("state", equalTo("AWAITING_CONFIRMATION")).body("verdict", equalTo("PASS_WITH_WAIVERS"))
                .body("attempts", equalTo(2));
        lead.json().post("/api/v1/gate/promotions/" + id + "/evaluate").then().statusCode(409);
        admin.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(200).body("state", equalTo("PROMOTED"));
        accountEnvironment("prod");
        lead.json().get("/api/v1/gate/promotions?team=" + team).then().statusCode(200).body("[0].id", equalTo(id));
    }

    private ValidatableResponse requestPromotion() {
        return lead.json().body(Map.of("account", account)).post("/api/v1/gate/promotions").then();
    }

    private void accountEnvironment(String environment) {
        admin.json().get("/api/v1/accounts/" + account).then().statusCode(200).body("environment", equalTo(environment));
    }
}
