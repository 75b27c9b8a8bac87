package io.tollgate.findings.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Hostile pagination cursors on the findings list: each is refused with 400 naming {@code cursor} (problem+json in
 * the API, an error page in the portal), never a 500, while the cursors the list hands out keep working.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CursorTest {

    private static final List<Result> FINDINGS = List.of(
            new Result("python.lambda.sql-injection", "src/orders/handler.py", 12, "ERROR", "CWE-89: SQL Injection"),
            new Result("python.lambda.path-traversal", "src/files/handler.py", 40, "WARNING", "CWE-22: Path Traversal"),
            new Result("python.lambda.log-injection", "src/audit/handler.py", 7, "INFO", "CWE-117: Log Injection"));

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    private String team;
    private Browser lead;

    /** Once per class; REST Assured learns the test port only when the first test starts. */
    @BeforeEach
    void setUp() {
        if (team != null) {
            return;
        }
        team = data.team();
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        lead = Browser.signedIn(user, totp);
        lead.request().contentType("application/json").body(SemgrepReports.report(FINDINGS))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/cursors&mode=full")
                .then().statusCode(201);
    }

    static List<String> hostileCursors() {
        byte[] random = new byte[48];
        new Random(15).nextBytes(random);
        return List.of(
                new String(random, StandardCharsets.ISO_8859_1),
                "not base64 at all!",
                encode("hello world"),
                encode("severity|3"),
                encode("high|12"),
                encode("99999999999|12"),
                encode("2026-01-01T00:00:00Z|12"),
                encode("severity|3|12|4"),
                encode("severity|high|12"),
                encode("severity|3|twelve"),
                encode("severity|99999999999999999999|12"),
                encode("severity|7|12"),
                encode("severity|3|99999999999999999999999"),
                encode("severity|3|-5"),
                encode("newest|+1000000000-01-01T00:00:00Z|12"),
                encode("newest|-999999999-01-01T00:00:00Z|12"),
                encode("newest|yesterday|12"),
                encode("unknown-sort|3|12"),
                encode("severity|\u0000|12"),
                encode("|||"),
                encode("x".repeat(500)));
    }

    @ParameterizedTest
    @MethodSource("hostileCursors")
    void aHostileCursorIsRefusedNamingTheParameter(String cursor) {
        lead.json().queryParam("team", team).queryParam("cursor", cursor).get("/api/v1/findings").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("cursor")).body("detail", containsString("cursor"));
    }

    @Test
    void aTruncatedCursorIsRefused() {
        String cursor = lead.json().get("/api/v1/findings?team=" + team + "&limit=1").then().statusCode(200)
                .extract().path("nextCursor");
        lead.json().queryParam("cursor", cursor.substring(0, cursor.length() / 2)).get("/api/v1/findings?team=" + team)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aCursorOfAnotherSortOrderIsRefused() {
        String newest = lead.json().get("/api/v1/findings?team=" + team + "&sort=newest&limit=1").then().statusCode(200)
                .extract().path("nextCursor");
        String severity = lead.json().get("/api/v1/findings?team=" + team + "&limit=1").then().statusCode(200)
                .extract().path("nextCursor");
        lead.json().get("/api/v1/findings?team=" + team + "&sort=severity&cursor=" + newest).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor")).body("detail", containsString("another sort order"));
        lead.json().get("/api/v1/findings?team=" + team + "&sort=last-seen&cursor=" + severity).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        lead.json().get("/api/v1/findings?team=" + team + "&sort=oldest&cursor=" + newest).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anOversizedCursorIsRefusedBeforeItIsDecoded() {
        lead.json().queryParam("cursor", "QUFB".repeat(500)).get("/api/v1/findings?team=" + team).then()
                .statusCode(400).body("errors[0].field", equalTo("cursor")).body("detail", containsString("longer than"));
    }

    @Test
    void thePortalAnswersAForgedCursorWithAnErrorPage() {
        lead.request().queryParam("cursor", encode("newest|+1000000000-01-01T00:00:00Z|12")).get("/findings").then()
                .statusCode(400).contentType(containsString("text/html"))
                .body(containsString("cursor")).body(containsString("first page")).body(not(containsString("Internal error")));
    }

    @Test
    void theCursorsTheListHandsOutStillPageThroughEveryOrder() {
        for (String sort : List.of("severity", "newest", "oldest", "last-seen")) {
            List<Integer> seen = new ArrayList<>();
            String cursor = null;
            do {
                var page = lead.json().queryParam("team", team).queryParam("sort", sort).queryParam("limit", 1)
                        .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/findings").then().statusCode(200)
                        .body("items", hasSize(1)).extract();
                seen.add(page.path("items[0].id"));
                cursor = page.path("nextCursor");
            } while (cursor != null && seen.size() < 10);
            org.assertj.core.api.Assertions.assertThat(seen).as(sort).hasSize(FINDINGS.size()).doesNotHaveDuplicates();
        }
        lead.json().get("/api/v1/findings?team=" + team + "&limit=3").then().body("nextCursor", nullValue());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
