package io.tollgate.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.matcher.RestAssuredMatchers.detailedCookie;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Cross-site request forgery, as the penetration test of issue 15 tried it: a page on another site makes the
 * browser of a signed-in person send a change with Tollgate's session cookie, as an HTML form with
 * {@code enctype="text/plain"} does. Each is refused and changes nothing; the real pages and CI keep working.
 */
@QuarkusTest
class CsrfTest {

    private static final String ATTACKER = "https://attacker.example";
    private static final String REASON = "Root MFA is being moved to a hardware key this sprint";
    private static final Result SQL = new Result("python.lambda.sql-injection", "src/handler.py", 12, "ERROR", "CWE-89");
    private static final Result PATH = new Result("python.lambda.path-traversal", "src/files.py", 30, "WARNING", "CWE-22");

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
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        lead = Browser.signedIn(leadUser, totp);
        adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        admin = Browser.signedIn(adminUser, totp);
    }

    @Test
    void aForgedTextPlainWaiverApprovalIsRefusedAndTheWaiverStaysRequested() {
        int waiver = requestWaiver();
        String approve = "/api/v1/gate/waivers/" + waiver + "/approve";

        forged(admin, ATTACKER).post(approve).then().statusCode(403).contentType("application/problem+json")
                .body("detail", startsWith("Cross-site request refused"));
        // Without Origin (an old browser, or one that strips it) the missing token still refuses it.
        forged(admin, null).post(approve).then().statusCode(403).body("detail", startsWith("Missing CSRF token"));
        forged(admin, Browser.origin()).post(approve).then().statusCode(403).body("detail", startsWith("Missing CSRF token"));

        admin.json().get("/api/v1/gate/waivers/" + waiver).then().statusCode(200).body("state", equalTo("REQUESTED"));
    }

    @Test
    void aForgedCiTokenRevocationIsRefusedAndTheTokenKeepsWorking() {
        int token = lead.json().body(Map.of("name", "pipeline", "scopes", List.of("scans:upload")))
                .post("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(201).extract().path("token.id");

        forged(lead, ATTACKER).post("/api/v1/ci/teams/" + team + "/tokens/" + token + "/revoke").then().statusCode(403)
                .body("detail", startsWith("Cross-site request refused"));
        forged(lead, Browser.origin()).post("/api/v1/ci/teams/" + team + "/tokens/" + token + "/revoke").then()
                .statusCode(403).body("detail", startsWith("Missing CSRF token"));

        lead.json().get("/api/v1/ci/teams/" + team + "/tokens").then().body("items.state", equalTo(List.of("ACTIVE")));
    }

    @Test
    void aForgedFullModeScanUploadIsRefusedAndClosesNoFinding() {
        importFullScan(lead, "application/json").then().statusCode(201);
        String empty = SemgrepReports.report(List.of());
        String upload = "/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders&mode=full";

        forged(lead, ATTACKER).body(empty).post(upload).then().statusCode(403)
                .body("detail", startsWith("Cross-site request refused"));
        forged(lead, Browser.origin()).body(empty).post(upload).then().statusCode(403)
                .body("detail", startsWith("Missing CSRF token"));
        lead.requestWithoutCsrfToken().header("Origin", ATTACKER).multiPart("file", "empty.json", empty.getBytes())
                .multiPart("team", team).multiPart("environment", "dev").multiPart("component", "github.com/acme/orders")
                .multiPart("mode", "full").multiPart("csrf", lead.csrfToken()).post("/api/v1/scans")
                .then().statusCode(403).body("detail", startsWith("Cross-site request refused"));

        lead.json().get("/api/v1/findings?team=" + team).then().statusCode(200)
                .body("items", hasSize(2)).body("items.status", everyItem(equalTo("OPEN")));
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(1));
    }

    @Test
    void aForgedPortalFormIsRefusedWithAnErrorPageAndTheWaiverStaysRequested() {
        int waiver = requestWaiver();
        String approve = "/gate/" + team + "/prod/waivers/" + waiver + "/approve";

        admin.requestWithoutCsrfToken().header("Origin", ATTACKER).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", admin.csrfToken()).post(approve)
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("Cross-site request refused"));
        admin.requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded").formParam("note", "no token")
                .post(approve).then().statusCode(403).body(containsString("Missing CSRF token"));

        admin.json().get("/api/v1/gate/waivers/" + waiver).then().body("state", equalTo("REQUESTED"));
        admin.postForm(approve, Map.of()).then().statusCode(303);
        admin.json().get("/api/v1/gate/waivers/" + waiver).then().body("state", equalTo("APPROVED"));
    }

    @Test
    void aTokenOfAnotherSessionIsRefused() {
        int waiver = requestWaiver();
        String approve = "/api/v1/gate/waivers/" + waiver + "/approve";
        Browser sameAdminElsewhere = signInAgain(adminUser);

        withToken(admin, sameAdminElsewhere.csrfToken()).post(approve).then().statusCode(403)
                .body("detail", startsWith("Invalid CSRF token"));
        withToken(admin, lead.csrfToken()).post(approve).then().statusCode(403).body("detail", startsWith("Invalid CSRF token"));
        withToken(admin, "not-a-token").post(approve).then().statusCode(403).body("detail", startsWith("Invalid CSRF token"));
        admin.requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded")
                .formParam("csrf", sameAdminElsewhere.csrfToken()).post("/gate/" + team + "/prod/waivers/" + waiver + "/approve")
                .then().statusCode(403).body(containsString("Invalid CSRF token"));

        admin.json().get("/api/v1/gate/waivers/" + waiver).then().body("state", equalTo("REQUESTED"));
    }

    @Test
    void theTokenDiesWithItsSession() {
        String before = admin.csrfToken();
        admin.postForm("/signout", Map.of()).then().statusCode(303).header("Location", endsWith("/signin"));
        Browser again = signInAgain(adminUser);

        withToken(again, before).post("/api/v1/gate/waivers/" + requestWaiver() + "/approve").then().statusCode(403)
                .body("detail", startsWith("Invalid CSRF token"));
    }

    @Test
    void aSameOriginCallWithTheSessionsTokenWorks() {
        int first = requestWaiver();
        admin.json().post("/api/v1/gate/waivers/" + first + "/approve").then().statusCode(200).body("state", equalTo("APPROVED"));

        // Clients that are no browser send neither Origin nor Sec-Fetch-Site: the token alone lets them through.
        int second = requestWaiver();
        RestAssured.given().cookies(admin.cookies()).header("X-CSRF-Token", admin.csrfToken())
                .post("/api/v1/gate/waivers/" + second + "/approve").then().statusCode(200).body("state", equalTo("APPROVED"));

        int third = requestWaiver();
        RestAssured.given().cookies(admin.cookies()).header("X-CSRF-Token", admin.csrfToken())
                .header("Sec-Fetch-Site", "cross-site").post("/api/v1/gate/waivers/" + third + "/approve").then()
                .statusCode(403).body("detail", containsString("Sec-Fetch-Site"));
        RestAssured.given().cookies(admin.cookies()).header("X-CSRF-Token", admin.csrfToken())
                .header("Origin", "null").post("/api/v1/gate/waivers/" + third + "/approve").then()
                .statusCode(403).body("detail", startsWith("Cross-site request refused"));
        RestAssured.given().cookies(admin.cookies()).header("X-CSRF-Token", admin.csrfToken())
                .header("Sec-Fetch-Site", "same-origin").post("/api/v1/gate/waivers/" + third + "/approve").then()
                .statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void aBearerTokenCallIsExemptEvenWithACookieAndAForeignOrigin() {
        importFullScan(lead, "application/json").then().statusCode(201);
        String token = lead.json().body(Map.of("name", "pipeline", "scopes", List.of("scans:upload")))
                .post("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(201).extract().path("value");

        RestAssured.given().cookies(lead.cookies()).header("Origin", ATTACKER).header("Authorization", "Bearer " + token)
                .contentType("application/octet-stream").body(SemgrepReports.report(List.of(SQL)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ci/webhook?team=" + team + "&environment=dev&component=github.com/acme/orders&mode=full")
                .then().statusCode(200).body("scan.fixed", equalTo(1));
    }

    @Test
    void aTextPlainBodyToAJsonEndpointOrTheScanUploadAnswers415() {
        lead.request().contentType("text/plain").body("{\"team\": \"" + team + "\"}").post("/api/v1/gate/waivers")
                .then().statusCode(415);
        importFullScan(lead, "text/plain").then().statusCode(415);
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(0));
    }

    @Test
    void theSignInFormIsProtectedAgainstLoginCsrf() {
        TestData.TestUser user = data.user();
        Map<String, String> credentials = Map.of("email", user.email(), "password", TestData.PASSWORD);

        Browser victim = Browser.anonymous();
        String token = victim.csrfToken();
        victim.requestWithoutCsrfToken().header("Origin", ATTACKER).contentType("application/x-www-form-urlencoded")
                .formParams(credentials).formParam("csrf", token).post("/signin")
                .then().statusCode(403).body(containsString("Cross-site request refused"));
        // The attacker's own pre-session token is no good in another browser.
        Browser.anonymous().requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded")
                .formParams(credentials).formParam("csrf", token).post("/signin")
                .then().statusCode(403).body(containsString("Invalid CSRF token"));
        victim.postForm("/signin", credentials).then().statusCode(303).header("Location", endsWith("/signin/verify"));
    }

    @Test
    void thePreSessionCookieIsHttpOnly() {
        RestAssured.given().redirects().follow(false).get("/signin").then().statusCode(200)
                .cookie("tollgate_csrf", detailedCookie().httpOnly(true).sameSite("Lax").path("/"));
    }

    /** A second session of someone signed in already: a code is accepted once, so the current one (see Browser#code). */
    private Browser signInAgain(TestData.TestUser user) {
        Browser browser = Browser.anonymous();
        browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        String next = Browser.code(user, totp, 1);
        browser.postForm("/signin/verify", Map.of("code", next)).then().statusCode(303);
        return browser;
    }

    private int requestWaiver() {
        return lead.json().body(Map.of("team", team, "kind", "CONTROL", "subject", "root-mfa-enabled", "reason", REASON,
                        "expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                .post("/api/v1/gate/waivers").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.Response importFullScan(Browser browser, String contentType) {
        return browser.request().contentType(contentType).body(SemgrepReports.report(List.of(SQL, PATH)))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders&mode=full");
    }

    /** What an HTML form with enctype="text/plain" on another site sends with the victim's cookies. */
    private static RequestSpecification forged(Browser victim, String origin) {
        RequestSpecification request = origin == null
                ? RestAssured.given().redirects().follow(false).cookies(victim.cookies())
                : victim.requestWithoutCsrfToken().header("Origin", origin);
        return request.contentType("text/plain").body("{\"ignored\":\"=\"}");
    }

    private static RequestSpecification withToken(Browser browser, String token) {
        return browser.requestWithoutCsrfToken().contentType("application/json").header("X-CSRF-Token", token);
    }
}
