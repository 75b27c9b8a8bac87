package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/** Per-person limits on costly calls: the call over the limit gets 429 and changes nothing; others go on. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    static final int UPLOADS = 3;
    static final int EVALUATIONS = 2;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tollgate.limits.uploads-per-minute", String.valueOf(UPLOADS),
                    "tollgate.limits.gate-evaluations-per-minute", String.valueOf(EVALUATIONS));
        }
    }

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void theUploadOverThePersonsLimitIsRefusedAndImportsNothingWhileAnotherPersonGoesOn() {
        String team = data.team();
        TestData.TestUser first = data.user();
        TestData.TestUser second = data.user();
        data.member(team, first, TeamRole.LEAD);
        data.member(team, second, TeamRole.LEAD);
        Browser busy = Browser.signedIn(first, totp);
        for (int i = 0; i < UPLOADS; i++) {
            upload(busy, team).statusCode(201);
        }

        upload(busy, team).statusCode(429)
                .header("Retry-After", Integer::valueOf, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(60)))
                .contentType(ProblemDetails.MEDIA_TYPE)
                .body("title", equalTo("Too many requests"))
                .body("detail", containsString("'uploads' of " + UPLOADS + " calls per minute"))
                .body("errors[0].field", equalTo("limit")).body("errors[0].message", equalTo("uploads"));
        busy.json().get("/api/v1/scans?team=" + team).then().statusCode(200).body("items", hasSize(UPLOADS));

        upload(Browser.signedIn(second, totp, 1), team).statusCode(201);
        busy.json().get("/api/v1/scans?team=" + team).then().statusCode(200).body("items", hasSize(UPLOADS + 1));
    }

    @Test
    void gateEvaluationsHaveTheirOwnLimit() {
        String team = data.team();
        TestData.TestUser lead = data.user();
        data.member(team, lead, TeamRole.LEAD);
        Browser browser = Browser.signedIn(lead, totp);
        for (int i = 0; i < EVALUATIONS; i++) {
            evaluate(browser, team, "k" + i).statusCode(201);
        }
        evaluate(browser, team, "over").statusCode(429).header("Retry-After", Integer::valueOf, greaterThanOrEqualTo(1))
                .body("errors[0].message", equalTo("gate-evaluations"));
        upload(browser, team).statusCode(201);
    }

    private static ValidatableResponse upload(Browser browser, String team) {
        return browser.request().contentType("application/json").body(SemgrepReports.report(List.of()))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=acme/app").then();
    }

    private static ValidatableResponse evaluate(Browser browser, String team, String key) {
        return browser.json().body(Map.of("team", team, "environment", "prod", "commit", "abc123", "idempotencyKey", key))
                .post("/api/v1/gate/evaluations").then();
    }
}
