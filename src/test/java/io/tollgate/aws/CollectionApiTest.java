package io.tollgate.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tollgate.org.AwsAccount;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@QuarkusTest
@QuarkusTestResource(AwsStubServer.class)
class CollectionApiTest {

    static final List<String> CONTROLS = List.of("root-mfa-enabled", "console-users-mfa", "cloudtrail-enabled",
            "lambda-policy-not-public", "function-url-auth-required", "xray-tracing-active", "supported-runtimes",
            "no-secrets-in-lambda-env", "one-role-per-function", "no-wildcard-actions", "lambda-log-retention",
            "api-stage-waf", "api-method-authorization", "api-stage-throttling");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    TestData.TestUser adminUser;
    Browser admin;
    String team;

    @BeforeEach
    void setUp() {
        adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        admin = Browser.signedIn(adminUser, totp);
        team = data.team();
    }

    @Test
    void anAccountWithEveryViolationGivesFindingsAndFailedControls() {
        AwsAccountStub account = Violations.stub(TestData.accountId());
        register(account);

        JsonPath run = scanAndWait(account);
        assertEquals("SUCCEEDED", run.getString("status"), run.prettify());
        for (String control : CONTROLS) {
            assertEquals("FAILED", outcome(run, control), control + " in " + run.prettify());
        }
        assertEquals(1, run.getInt("checks.find { it.checkId == 'xray-tracing-active' }.passed"), "the second page's function");
        assertEquals(1, run.getInt("checks.find { it.checkId == 'xray-tracing-active' }.failed"), "the first page's function");
        assertEquals(1, run.getInt("checks.find { it.checkId == 'lambda-log-retention' }.passed"), "the second page of log groups");

        JsonPath findings = admin.json().get("/api/v1/findings?team=" + team + "&component=aws:" + account.accountId
                + "&tool=tollgate-aws&limit=200").then().statusCode(200).extract().jsonPath();
        assertTrue(findings.getList("items.controlId").containsAll(CONTROLS), findings.prettify());
        assertEquals("CRITICAL", findings.getString("items.find { it.controlId == 'root-mfa-enabled' }.severity"));
        List<String> secrets = findings.getList("items.findAll { it.controlId == 'no-secrets-in-lambda-env' }.id", String.class);
        assertEquals(2, secrets.size(), "one finding per variable that looks like a secret");
        for (Object id : findings.getList("items.findAll { it.controlId == 'no-secrets-in-lambda-env' }.id")) {
            String detail = admin.json().get("/api/v1/findings/" + id).then().statusCode(200).extract().asString();
            assertFalse(detail.contains(Violations.PASSWORD_VALUE) || detail.contains(Violations.ACCESS_KEY_VALUE),
                    "a secret's value is never stored: " + detail);
        }
        assertEquals(List.of(account.functionArn("checkout")),
                findings.getList("items.findAll { it.controlId == 'lambda-policy-not-public' }.resource"),
                "the second page's function, whose public policy has a source condition, passes");

        admin.json().get("/api/v1/scans/" + run.getLong("scanId")).then().statusCode(200)
                .body("tool", equalTo("tollgate-aws")).body("mode", equalTo("FULL")).body("component", equalTo("aws:" + account.accountId));
        admin.json().get("/api/v1/findings?team=" + team + "&component=aws:" + account.accountId + "&tool=asff")
                .then().statusCode(200).body("items.title", hasItem("Unusual API calls from a Lambda role"));
        admin.json().get("/api/v1/scorecards/" + team + "/dev").then().statusCode(200)
                .body("pillars.find { it.pillar == 'CONTROLS' }.value", equalTo(0.0f))
                .body("pillars.find { it.pillar == 'CONTROLS' }.checks.id", hasItem("control:root-mfa-enabled"));
    }

    @Test
    void aCleanAccountPassesEveryCheck() {
        AwsAccountStub account = AwsAccountStub.clean(TestData.accountId());
        register(account);

        JsonPath run = scanAndWait(account);
        assertEquals("SUCCEEDED", run.getString("status"), run.prettify());
        assertEquals(CONTROLS.size(), run.getList("checks").size());
        for (String control : CONTROLS) {
            assertEquals("PASSED", outcome(run, control), control + " in " + run.prettify());
        }
        admin.json().get("/api/v1/findings?team=" + team + "&component=aws:" + account.accountId)
                .then().statusCode(200).body("items", hasSize(0));
        admin.json().get("/api/v1/scorecards/" + team + "/dev").then().statusCode(200)
                .body("pillars.find { it.pillar == 'CONTROLS' }.value", equalTo(100.0f));
    }

    @Test
    void aDeniedApiLeavesItsChecksNotEvaluatedAndClosesNothing() {
        AwsAccountStub account = AwsAccountStub.clean(TestData.accountId()).restDenied("/2015-03-31/functions");
        register(account);

        JsonPath run = scanAndWait(account);
        assertEquals("SUCCEEDED", run.getString("status"), run.prettify());
        for (String control : List.of("lambda-policy-not-public", "function-url-auth-required", "xray-tracing-active",
                "supported-runtimes", "no-secrets-in-lambda-env", "one-role-per-function", "no-wildcard-actions")) {
            assertEquals("NOT_EVALUATED", outcome(run, control), control);
            assertEquals("lambda:ListFunctions in eu-west-1 failed: AccessDeniedException (HTTP 403)",
                    run.getString("checks.find { it.checkId == '" + control + "' }.reason"));
        }
        for (String control : List.of("root-mfa-enabled", "cloudtrail-enabled", "lambda-log-retention", "api-stage-waf")) {
            assertEquals("PASSED", outcome(run, control), control);
        }
        admin.json().get("/api/v1/scans/" + run.getLong("scanId")).then().statusCode(200).body("mode", equalTo("PARTIAL"));
        admin.json().get("/api/v1/scorecards/" + team + "/dev").then().statusCode(200)
                .body("pillars.find { it.pillar == 'CONTROLS' }.checks.id", not(hasItem("control:xray-tracing-active")));
    }

    @Test
    void throttledCallsAreRetriedWithBackoff() {
        AwsAccountStub account = AwsAccountStub.clean(TestData.accountId())
                .throttledOnce("GetAccountSummary", "<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap>");
        register(account);

        JsonPath run = scanAndWait(account);
        assertEquals("PASSED", outcome(run, "root-mfa-enabled"), run.prettify());
        assertEquals(2, account.queryCalls("GetAccountSummary"));
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() {
        WireMockServer elsewhere = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        elsewhere.start();
        try {
            elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"item\":[]}")));
            AwsAccountStub account = AwsAccountStub.clean(TestData.accountId())
                    .redirected("/restapis", "http://localhost:" + elsewhere.port() + "/restapis");
            register(account);

            JsonPath run = scanAndWait(account);
            assertEquals("NOT_EVALUATED", outcome(run, "api-method-authorization"), run.prettify());
            assertEquals("PASSED", outcome(run, "root-mfa-enabled"), run.prettify());
            assertTrue(elsewhere.getAllServeEvents().isEmpty(), "the other host was called");
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void aRoleThatCannotBeAssumedFailsTheRunWithItsReason() {
        String accountId = TestData.accountId();
        admin.json().body(Map.of("accountId", accountId, "name", "No trust", "team", team, "environment", "dev",
                "roleArn", "arn:aws:iam::" + accountId + ":role/Missing", "externalId", "nobody"))
                .post("/api/v1/accounts").then().statusCode(201);

        JsonPath run = waitFor(accountId, start(accountId));
        assertEquals("FAILED", run.getString("status"));
        assertTrue(run.getString("error").startsWith("sts:AssumeRole of arn:aws:iam::" + accountId + ":role/Missing failed"));
        assertEquals(CONTROLS.size(), run.getList("checks").size());
        assertEquals(List.of("NOT_EVALUATED"), run.getList("checks.outcome").stream().distinct().toList());
    }

    @Test
    void oneCollectionRunsPerAccountAtATime() {
        AwsAccountStub account = AwsAccountStub.clean(TestData.accountId()).slow("GetAccountSummary", Duration.ofMillis(1500));
        register(account);

        long first = start(account.accountId);
        admin.json().post("/api/v1/accounts/" + account.accountId + "/collections").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("accountId"));
        waitFor(account.accountId, first);
        admin.json().get("/api/v1/accounts/" + account.accountId + "/collections").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) first)).body("items[0].trigger", equalTo("ON_DEMAND"));
        admin.json().get("/api/v1/audit-events?action=aws.collection-requested&actor=" + adminUser.email()).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].subject", equalTo(account.accountId));
    }

    @Test
    void aRunLeftBehindByAStoppedInstanceDoesNotBlockTheAccountForever() {
        AwsAccountStub account = AwsAccountStub.clean(TestData.accountId());
        register(account);
        long abandoned = QuarkusTransaction.requiringNew().call(() -> {
            CollectionRun run = new CollectionRun();
            run.account = AwsAccount.findByAccountId(account.accountId).orElseThrow();
            run.status = CollectionRun.Status.RUNNING;
            run.trigger = CollectionRun.Trigger.SCHEDULE;
            run.requestedBy = "scheduler";
            run.queuedAt = Instant.now().minus(Duration.ofHours(3));
            run.startedAt = run.queuedAt;
            run.persist();
            return run.id;
        });

        long next = start(account.accountId);
        assertEquals("SUCCEEDED", waitFor(account.accountId, next).getString("status"));
        JsonPath old = admin.json().get("/api/v1/accounts/" + account.accountId + "/collections/" + abandoned)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("FAILED", old.getString("status"));
        assertEquals("abandoned: the run did not finish within 120 minutes", old.getString("error"));
    }

    @Test
    void onlySecurityAdminsAndLeadsStartACollectionAndAnAccountNeedsARole() {
        AwsAccountStub account = AwsAccountStub.clean(TestData.accountId());
        register(account);
        TestData.TestUser member = data.user();
        data.member(team, member, TeamRole.MEMBER);
        Browser memberBrowser = Browser.signedIn(member, totp);
        memberBrowser.json().post("/api/v1/accounts/" + account.accountId + "/collections").then().statusCode(403);
        memberBrowser.json().get("/api/v1/accounts/" + account.accountId + "/collections").then().statusCode(200)
                .body("total", equalTo(0));
        Browser.signedIn(data.user(), totp).json().get("/api/v1/accounts/" + account.accountId + "/collections").then().statusCode(404);

        TestData.TestUser lead = data.user();
        data.member(team, lead, TeamRole.LEAD);
        var started = Browser.signedIn(lead, totp).json().post("/api/v1/accounts/" + account.accountId + "/collections")
                .then().statusCode(202).extract();
        long run = started.jsonPath().getLong("id");
        assertTrue(started.header("Location").endsWith("/api/v1/accounts/" + account.accountId + "/collections/" + run));
        waitFor(account.accountId, run);

        String withoutRole = TestData.accountId();
        admin.json().body(Map.of("accountId", withoutRole, "name", "Manual", "team", team, "environment", "staging"))
                .post("/api/v1/accounts").then().statusCode(201);
        admin.json().post("/api/v1/accounts/" + withoutRole + "/collections").then().statusCode(400)
                .body("errors.field", hasItem("roleArn"));
        admin.json().get("/api/v1/accounts/" + withoutRole + "/collections").then().statusCode(200).body("items", hasSize(0));
    }

    void register(AwsAccountStub account) {
        admin.json().body(Map.of("accountId", account.accountId, "name", "Stubbed " + account.accountId, "team", team,
                        "environment", "dev", "roleArn", account.roleArn, "externalId", account.externalId))
                .post("/api/v1/accounts").then().statusCode(201);
    }

    JsonPath scanAndWait(AwsAccountStub account) {
        return waitFor(account.accountId, start(account.accountId));
    }

    long start(String accountId) {
        return admin.json().post("/api/v1/accounts/" + accountId + "/collections")
                .then().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().jsonPath().getLong("id");
    }

    JsonPath waitFor(String accountId, long runId) {
        return waitFor(admin, accountId, runId);
    }

    static JsonPath waitFor(Browser viewer, String accountId, long runId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonPath run = viewer.json().get("/api/v1/accounts/" + accountId + "/collections/" + runId)
                    .then().statusCode(200).extract().jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(run.getString("status"))) {
                return run;
            }
            sleep();
        }
        return fail("collection run " + runId + " did not finish");
    }

    static String outcome(JsonPath run, String control) {
        return run.getString("checks.find { it.checkId == '" + control + "' }.outcome");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
