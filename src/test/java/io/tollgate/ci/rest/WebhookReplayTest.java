package io.tollgate.ci.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.ci.Signing;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A captured signed delivery sent again: with another delivery id, time, team, environment, component, mode or gate
 * it is refused in both signature conventions and nothing is imported; sent again unchanged it gets its stored
 * answer. Signatures of the body alone, which could be carried anywhere, are refused. The replays come from a
 * loopback address of their own (127.0.2.1), so that their failures do not count against the other tests.
 */
@QuarkusTest
class WebhookReplayTest {

    private static final String WEBHOOK = Signing.WEBHOOK;
    private static final String ATTACKER = "127.0.2.1";

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    String team;
    String otherTeam;
    Browser lead;
    byte[] report;

    @BeforeEach
    void setUp() {
        team = data.team();
        otherTeam = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        data.member(otherTeam, leadUser, TeamRole.LEAD);
        lead = Browser.signedIn(leadUser, totp);
        report = SemgrepReports.report(List.of(new SemgrepReports.Result("rules.sqli", "src/app.py", 12, "ERROR", "CWE-89")))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCapturedGithubStyleDeliveryCannotBeSentElsewhere() {
        String secret = secret(team);
        String query = query(team);
        Map<String, String> captured = Signing.githubHeaders(secret, "gh-cap-1", Signing.now(), query, report);
        refusesEveryReplay(captured, query, "X-GitHub-Delivery", "Tollgate-Timestamp");
    }

    @Test
    void aCapturedStandardWebhooksDeliveryCannotBeSentElsewhere() {
        String secret = secret(team);
        String query = query(team);
        Map<String, String> captured = Signing.standardHeaders(secret, "sw-cap-1", Signing.now(), query, report);
        refusesEveryReplay(captured, query, "webhook-id", "webhook-timestamp");
    }

    @Test
    void signaturesOfTheBodyAloneAreRefusedSoThatTheyCannotBeCarriedAnywhere() {
        String secret = secret(team);
        String query = query(team);
        String hub = "sha256=" + HexFormat.of().formatHex(Signing.hmac(secret.getBytes(StandardCharsets.UTF_8), report));
        Signing.send(report, ATTACKER).header("X-Hub-Signature-256", hub).header("X-GitHub-Delivery", "old-1")
                .post(WEBHOOK + "?" + query).then().statusCode(401);
        Signing.send(report, ATTACKER).header("X-Hub-Signature-256", hub).header("X-GitHub-Delivery", "old-2")
                .post(WEBHOOK + "?" + query.replace("mode=partial", "mode=full") + "&gate=prod").then().statusCode(401);

        long now = Signing.now();
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] content = ("old-3." + now + "." + new String(report, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        Signing.send(report, ATTACKER).header("webhook-id", "old-3").header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", "v1," + Base64.getEncoder().encodeToString(Signing.hmac(key, content)))
                .post(WEBHOOK + "?" + query.replace("acme/app", "acme/other")).then().statusCode(401);
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(0));
    }

    private void refusesEveryReplay(Map<String, String> captured, String query, String idHeader, String timeHeader) {
        secret(otherTeam);
        Signing.send(report).headers(captured).post(WEBHOOK + "?" + query).then().statusCode(200)
                .header("Tollgate-Replayed", "false");

        Map<String, String> otherId = new HashMap<>(captured);
        otherId.put(idHeader, captured.get(idHeader) + "-again");
        Map<String, String> otherTime = new HashMap<>(captured);
        otherTime.put(timeHeader, Long.toString(Long.parseLong(captured.get(timeHeader)) + 1));
        replay(otherId, query);
        replay(otherTime, query);
        replay(captured, query.replace("acme/app", "acme/other"));
        replay(captured, query.replace("environment=dev", "environment=prod"));
        replay(captured, query.replace("mode=partial", "mode=full"));
        replay(captured, query + "&gate=prod");
        replay(captured, query + "&commit=0000000");
        replay(captured, query.replace("team=" + team, "team=" + otherTeam));

        // The same request again is a retry: its stored answer, nothing imported twice.
        Signing.send(report, ATTACKER).headers(captured).post(WEBHOOK + "?" + query).then().statusCode(200)
                .header("Tollgate-Replayed", "true");
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(1))
                .body("items[0].mode", equalTo("PARTIAL"));
        lead.json().get("/api/v1/scans?team=" + otherTeam).then().body("total", equalTo(0));
        lead.json().get("/api/v1/ci/teams/" + team + "/deliveries").then().body("total", equalTo(1));
    }

    private void replay(Map<String, String> headers, String query) {
        String answer = Signing.send(report, ATTACKER).headers(headers).post(WEBHOOK + "?" + query).then().statusCode(401)
                .extract().path("detail");
        assertThat(answer).contains("matches no valid signing secret");
    }

    private String secret(String slug) {
        return lead.json().body(Map.of("name", "signing " + TestData.unique())).post("/api/v1/ci/teams/" + slug + "/secrets")
                .then().statusCode(201).extract().path("value");
    }

    private static String query(String slug) {
        return "team=" + slug + "&environment=dev&component=acme/app&mode=partial";
    }
}
