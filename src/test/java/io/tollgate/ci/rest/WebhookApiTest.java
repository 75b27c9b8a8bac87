package io.tollgate.ci.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tollgate.ci.Signing;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The CI webhook over HTTP: both credentials, both signature conventions, replays, retries, scopes and limits. */
@QuarkusTest
class WebhookApiTest {

    private static final String WEBHOOK = "/api/v1/ci/webhook";

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    String team;
    Browser lead;
    byte[] report;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        lead = Browser.signedIn(leadUser, totp);
        report = SemgrepReports.report(List.of(new SemgrepReports.Result("rules.sqli", "src/app.py", 12, "ERROR", "CWE-89")))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBearerTokenUploadsAndAsksTheGateInOneCall() {
        String token = token("scans:upload", "gate:evaluate");
        upload(bearer(token).header("Idempotency-Key", "build-1"), "&gate=prod").statusCode(200)
                .header("Tollgate-Replayed", "false")
                .body("deliveryId", equalTo("build-1")).body("team", equalTo(team))
                .body("scan.records", equalTo(1)).body("scan.newCount", equalTo(1)).body("scan.format", equalTo("semgrep"))
                .body("gate.verdict", equalTo("FAIL")).body("gate.environment", equalTo("prod"))
                .body("passed", equalTo(false));
        lead.json().get("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(200)
                .body("items[0].lastUsedAt", notNullValue()).body("items[0]", not(hasKey("value")))
                .body("items[0].hint", equalTo(token.substring(0, 8)));
        lead.json().get("/api/v1/scans?team=" + team).then().body("items[0].uploadedBy", containsString("ci token"));
    }

    @Test
    void githubSignaturesUploadAndARetryOfTheSameDeliveryImportsNothingTwice() {
        String secret = secret(null);
        String first = signedGithub(secret, "gh-1", report).statusCode(200).header("Tollgate-Replayed", "false")
                .body("passed", equalTo(true)).body("gate", nullValue()).extract().asString();
        String again = signedGithub(secret, "gh-1", report).statusCode(200).header("Tollgate-Replayed", "true")
                .extract().asString();
        assertThat(again).isEqualTo(first);
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(1));
        lead.json().get("/api/v1/ci/teams/" + team + "/deliveries").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].state", equalTo("DONE")).body("items[0].status", equalTo(200))
                .body("items[0].credential", containsString("signing secret"));
    }

    @Test
    void standardWebhooksSignaturesUploadWithinTheTolerance() {
        String secret = secret(null);
        long now = Signing.now();
        signedStandard(secret, "msg-1", now, report).statusCode(200).body("scan.records", equalTo(1));
        signedStandard(secret, "msg-2", now - 600, report).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("away from the server's clock"));
        Signing.github(secret, "gh-old", now - 600, query(), report).post(WEBHOOK + "?" + query()).then().statusCode(401)
                .body("detail", containsString("Tollgate-Timestamp is 60"));
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(1));
    }

    @Test
    void aGzippedReportIsSignedAsSentAndTokensAreKeptOnlyAsHashes() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(report);
        }
        signedGithub(secret(null), "gz-1", zipped.toByteArray()).statusCode(200).body("scan.records", equalTo(1));

        String token = token("scans:upload");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT token_hash, hint FROM ci_token WHERE hint = ?")) {
            statement.setString(1, token.substring(0, 8));
            var row = statement.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString("token_hash")).isEqualTo(io.tollgate.security.Secrets.sha256Hex(token));
            assertThat(row.getString("hint")).hasSize(8);
        }
    }

    @Test
    void wrongAndMissingSignaturesAreRefusedWithoutImportingOrRevealingTheSecret() {
        String secret = secret(null);
        Signing.github(secret + "x", "d1", Signing.now(), query(), report).post(WEBHOOK + "?" + query()).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("matches no valid signing secret")).body("detail", not(containsString(secret)));
        String tampered = new String(report, StandardCharsets.UTF_8).replace("12", "13");
        Signing.github(secret, "d2", Signing.now(), query(), report).body(tampered.getBytes(StandardCharsets.UTF_8))
                .post(WEBHOOK + "?" + query()).then().statusCode(401).body("detail", containsString("Content-Digest"));
        webhook().body(report).post(WEBHOOK + "?" + query()).then().statusCode(401)
                .body("detail", containsString("Authorization: Bearer"));
        webhook().header("X-Hub-Signature-256", "sha256=" + "ab".repeat(32)).body(report)
                .post(WEBHOOK + "?" + query()).then().statusCode(401).body("detail", containsString("X-GitHub-Delivery"));
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(0));
        lead.json().get("/api/v1/ci/teams/" + team + "/deliveries").then().body("total", equalTo(0));
    }

    @Test
    void signaturesOfTheBodyAloneAreRefusedWithHowToUpgrade() {
        secret(null);
        // The conventions' original form: an HMAC of the body only, without Content-Digest.
        webhook().header("X-Hub-Signature-256", "sha256=" + "ab".repeat(32)).header("X-GitHub-Delivery", "old-1")
                .body(report).post(WEBHOOK + "?" + query()).then().statusCode(401)
                .body("detail", containsString("no longer accepts a signature of the body alone"))
                .body("detail", containsString("Content-Digest")).body("detail", containsString("docs/ci/README.md"));
        webhook().header("webhook-id", "old-2").header("webhook-timestamp", Long.toString(Signing.now()))
                .header("webhook-signature", "v1,AAAA").body(report).post(WEBHOOK + "?" + query()).then().statusCode(401)
                .body("detail", containsString("no longer accepts a signature of the body alone"));
        webhook().header("X-Hub-Signature-256", "sha256=" + "ab".repeat(32)).header("X-GitHub-Delivery", "new-1")
                .header("Tollgate-Timestamp", Long.toString(Signing.now())).header("Content-Digest", "sha-256=:AAAA:")
                .body(report).post(WEBHOOK + "?" + query()).then().statusCode(401).body("detail", containsString("32-byte SHA-256"));
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(0));
    }

    @Test
    void duringARotationBothSecretsSignUntilTheOldOneEnds() {
        String old = secret(null);
        String current = secret(null);
        signedGithub(old, "r-1", report).statusCode(200);
        signedGithub(current, "r-2", report).statusCode(200);
        lead.json().get("/api/v1/ci/teams/" + team + "/secrets").then()
                .body("items[0].state", equalTo("CURRENT")).body("items[1].state", equalTo("ROTATING"))
                .body("items[1].validUntil", notNullValue());

        String newest = secret(0);
        signedGithub(old, "r-3", report).statusCode(401);
        signedGithub(current, "r-4", report).statusCode(401);
        signedGithub(newest, "r-5", report).statusCode(200);
        int id = lead.json().get("/api/v1/ci/teams/" + team + "/secrets").then().extract().path("items[0].id");
        lead.json().post("/api/v1/ci/teams/" + team + "/secrets/" + id + "/revoke").then().statusCode(200)
                .body("state", equalTo("REVOKED"));
        signedGithub(newest, "r-6", report).statusCode(401).body("detail", containsString("no valid signing secret"));
    }

    @Test
    void aSecretThatCanNoLongerBeUnsealedDoesNotStopTheOthers() throws SQLException {
        String unreadable = secret(null);
        String current = secret(null);
        int unreadableId = lead.json().get("/api/v1/ci/teams/" + team + "/secrets").then().extract().path("items[1].id");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE ci_signing_secret SET sealed = ? WHERE id = ?")) {
            // What a secret sealed under an earlier TOLLGATE_SECURITY_SESSION_SECRET looks like to this instance.
            statement.setBytes(1, new byte[64]);
            statement.setLong(2, unreadableId);
            statement.executeUpdate();
        }
        signedGithub(current, "u-1", report).statusCode(200);
        signedGithub(unreadable, "u-2", report).statusCode(401).body("detail", containsString("no valid signing secret"));
    }

    @Test
    void tokensAreHeldToTheirScopesExpiryAndRevocation() throws SQLException {
        String uploadOnly = token("scans:upload");
        upload(bearer(uploadOnly), "&gate=prod").statusCode(403).body("detail", containsString("gate:evaluate"));
        upload(bearer(uploadOnly), "").statusCode(200);
        String gateOnly = token("gate:evaluate");
        upload(bearer(gateOnly), "").statusCode(403).body("detail", containsString("scans:upload"));
        bearer(gateOnly).post(WEBHOOK + "?team=" + team + "&gate=prod").then().statusCode(200)
                .body("scan", nullValue()).body("gate.verdict", equalTo("FAIL")).body("passed", equalTo(false));

        String expiring = token("scans:upload");
        expire(expiring);
        upload(bearer(expiring), "").statusCode(401).body("detail", containsString("expired"));

        int id = lead.json().get("/api/v1/ci/teams/" + team + "/tokens").then().extract().path("items[0].id");
        lead.json().post("/api/v1/ci/teams/" + team + "/tokens/" + id + "/revoke").then().statusCode(200).body("state", equalTo("REVOKED"));
        lead.json().post("/api/v1/ci/teams/" + team + "/tokens/" + id + "/revoke").then().statusCode(409);

        String otherTeam = data.team();
        bearer(uploadOnly).body(report).post(WEBHOOK + "?team=" + otherTeam + "&environment=dev&component=acme/app")
                .then().statusCode(401).body("detail", containsString("not a token of team"));
        bearer("tgt_" + "A".repeat(43)).body(report).post(WEBHOOK + "?team=" + team + "&environment=dev&component=acme/app")
                .then().statusCode(401);
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(1));
    }

    @Test
    void onlyLeadsAndSecurityAdminsManageCredentials() {
        TestData.TestUser memberUser = data.user();
        data.member(team, memberUser, TeamRole.MEMBER);
        Browser member = Browser.signedIn(memberUser, totp);
        member.json().body(Map.of("name", "mine", "scopes", List.of("scans:upload")))
                .post("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(403);
        member.json().get("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(200);
        Browser.signedIn(data.user(), totp).json().get("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(404);
        Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp).json()
                .body(Map.of("name", "admin's", "scopes", List.of("gate:evaluate"))).post("/api/v1/ci/teams/" + team + "/tokens")
                .then().statusCode(201);
        lead.json().body(Map.of("name", "bad", "scopes", List.of("deploy"))).post("/api/v1/ci/teams/" + team + "/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("scopes"));
        lead.json().body(Map.of("name", "long", "scopes", List.of("scans:upload"), "expiresInDays", 1000))
                .post("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(400).body("errors[0].field", equalTo("expiresInDays"));
        lead.json().body(Map.of("name", "")).post("/api/v1/ci/teams/" + team + "/secrets").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        lead.json().get("/api/v1/audit-events?action=ci.token-created").then().statusCode(403);
    }

    @Test
    void aFailedDeliveryMayBeRetriedWithTheSameId() {
        String token = token("scans:upload");
        bearer(token).header("Idempotency-Key", "retry-1").body("{\"results\": [".getBytes(StandardCharsets.UTF_8))
                .post(WEBHOOK + "?team=" + team + "&environment=dev&component=acme/app&format=semgrep").then().statusCode(422);
        lead.json().get("/api/v1/ci/teams/" + team + "/deliveries").then()
                .body("items[0].state", equalTo("FAILED")).body("items[0].status", equalTo(422))
                .body("items[0].error", notNullValue());
        upload(bearer(token).header("Idempotency-Key", "retry-1"), "").statusCode(200).header("Tollgate-Replayed", "false");
        lead.json().get("/api/v1/ci/teams/" + team + "/deliveries").then()
                .body("total", equalTo(1)).body("items[0].state", equalTo("DONE"));
    }

    @Test
    void aRetryWhileTheFirstAttemptRunsIsToldToComeBack() throws SQLException {
        String token = token("scans:upload");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO ci_delivery (id, team_id, delivery_id,"
                     + " credential, state, received_at) SELECT nextval('ci_delivery_seq'), id, 'busy-1', 'test', 'RUNNING',"
                     + " now() FROM team WHERE slug = ?")) {
            statement.setString(1, team);
            statement.executeUpdate();
        }
        upload(bearer(token).header("Idempotency-Key", "busy-1"), "").statusCode(409)
                .header("Retry-After", "5").body("detail", containsString("still being processed"));
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(0));
    }

    @Test
    void eachCredentialIsRateLimited() {
        String token = token("gate:evaluate");
        int accepted = 0;
        io.restassured.response.Response refused = null;
        // The bucket refills one request a second while the loop runs, so a few more than 60 may pass.
        while (refused == null && accepted < 200) {
            io.restassured.response.Response response = bearer(token).post(WEBHOOK + "?team=" + team + "&gate=nowhere");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(400);
                accepted++;
            }
        }
        assertThat(accepted).isBetween(60, 199);
        refused.then().header("Retry-After", notNullValue()).contentType("application/problem+json")
                .body("detail", containsString("60 requests a minute"));
        bearer(token("gate:evaluate")).post(WEBHOOK + "?team=" + team + "&gate=nowhere").then().statusCode(400)
                .body("errors[0].field", equalTo("gate"));
    }

    @Test
    void bodiesOverTheWebhooksLimitAreRefused() {
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) ' ');
        bearer(token("scans:upload")).body(large).post(WEBHOOK + "?team=" + team + "&environment=dev&component=acme/app")
                .then().statusCode(413).body("detail", containsString("limit"));
    }

    private ValidatableResponse upload(RequestSpecification request, String extraQuery) {
        return request.body(report).post(WEBHOOK + "?team=" + team + "&environment=dev&component=github.com/acme/app" + extraQuery).then();
    }

    private ValidatableResponse signedGithub(String secret, String delivery, byte[] body) {
        return Signing.github(secret, delivery, Signing.now(), query(), body).post(WEBHOOK + "?" + query()).then();
    }

    private ValidatableResponse signedStandard(String secret, String id, long timestamp, byte[] body) {
        return Signing.standard(secret, id, timestamp, query(), body).post(WEBHOOK + "?" + query()).then();
    }

    private String query() {
        return "team=" + team + "&environment=dev&component=acme/app";
    }

    private static RequestSpecification webhook() {
        return RestAssured.given().contentType("application/octet-stream");
    }

    private static RequestSpecification bearer(String token) {
        return webhook().header("Authorization", "Bearer " + token);
    }

    private String token(String... scopes) {
        return lead.json().body(Map.of("name", "pipeline " + TestData.unique(), "scopes", List.of(scopes)))
                .post("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(201)
                .body("token.state", equalTo("ACTIVE")).extract().path("value");
    }

    private String secret(Integer previousValidHours) {
        Map<String, Object> draft = previousValidHours == null ? Map.of("name", "signing " + TestData.unique())
                : Map.of("name", "signing " + TestData.unique(), "previousValidHours", previousValidHours);
        return lead.json().body(draft).post("/api/v1/ci/teams/" + team + "/secrets").then().statusCode(201)
                .body("secret.state", equalTo("CURRENT")).extract().path("value");
    }

    private void expire(String token) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE ci_token SET expires_at = now() - interval '1 minute' WHERE hint = ?")) {
            statement.setString(1, token.substring(0, 8));
            statement.executeUpdate();
        }
    }
}
