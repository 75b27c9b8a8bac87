package io.tollgate.aws;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tollgate.org.GlobalRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

@QuarkusTest
@QuarkusTestResource(AwsStubServer.class)
class ScheduledCollectionTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    org.quartz.Scheduler quartz;

    @Test
    void theScheduledJobCollectsEveryAccountWithARole() throws SchedulerException {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        String team = data.team();
        AwsAccountStub account = Violations.stub(TestData.accountId());
        admin.json().body(Map.of("accountId", account.accountId, "name", "Scheduled", "team", team, "environment", "staging",
                        "roleArn", account.roleArn, "externalId", account.externalId))
                .post("/api/v1/accounts").then().statusCode(201);

        // Fire the Quartz job now, as its cron trigger would: through the clustered job store.
        quartz.triggerJob(JobKey.jobKey(ScheduledCollections.JOB, Scheduler.class.getName()));

        JsonPath run = waitForScheduledRun(admin, account.accountId);
        assertEquals("SUCCEEDED", run.getString("items[0].status"), run.prettify());
        assertEquals("scheduler", run.getString("items[0].requestedBy"));
        long runId = run.getLong("items[0].id");
        admin.json().get("/api/v1/accounts/" + account.accountId + "/collections/" + runId).then().statusCode(200)
                .body("checks.find { it.checkId == 'root-mfa-enabled' }.outcome", equalTo("FAILED"));
        admin.json().get("/api/v1/findings?team=" + team + "&environment=staging&tool=tollgate-aws&limit=200").then().statusCode(200)
                .body("items.controlId", hasItem("function-url-auth-required"))
                .body("items.controlId", hasItem("no-wildcard-actions"));
        admin.json().get("/api/v1/scorecards/" + team + "/staging").then().statusCode(200)
                .body("pillars.find { it.pillar == 'CONTROLS' }.value", equalTo(0.0f));
    }

    private static JsonPath waitForScheduledRun(Browser admin, String accountId) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonPath runs = admin.json().get("/api/v1/accounts/" + accountId + "/collections").then().statusCode(200)
                    .extract().jsonPath();
            String status = runs.getString("items[0].status");
            if (status != null && !status.equals("QUEUED") && !status.equals("RUNNING")) {
                assertEquals("SCHEDULE", runs.getString("items[0].trigger"));
                return runs;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("the scheduled collection of " + accountId + " did not finish");
    }
}
