package io.tollgate.aws;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;

/** The account page as a browser without JavaScript uses it: "Scan now", the runs, a run's checks, the settings form. */
@QuarkusTest
@QuarkusTestResource(AwsStubServer.class)
class CollectionPagesTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void scanNowQueuesARunWhosePageShowsEachCheck() {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        String team = data.team();
        AwsAccountStub account = AwsAccountStub.clean(TestData.accountId()).restDenied("/restapis");
        admin.json().body(Map.of("accountId", account.accountId, "name", "Page account", "team", team, "environment", "dev",
                "roleArn", account.roleArn, "externalId", account.externalId)).post("/api/v1/accounts").then().statusCode(201);

        admin.get("/admin/accounts/" + account.accountId).then().statusCode(200)
                .body(containsString("No collection has run yet.")).body(containsString("Scan now"));
        String location = admin.postForm("/admin/accounts/" + account.accountId + "/collections", Map.of())
                .then().statusCode(303).extract().header("Location");
        long runId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        CollectionApiTest.waitFor(admin, account.accountId, runId);

        admin.get("/admin/accounts/" + account.accountId + "/collections/" + runId).then().statusCode(200)
                .body(containsString("The root user has MFA"))
                .body(matchesPattern("(?s).*API Gateway REST API stages have a WAF web ACL.*not evaluated.*"
                        + "apigateway:GetRestApis in eu-west-1 failed: AccessDeniedException \\(HTTP 403\\).*"));
        admin.get("/admin/accounts/" + account.accountId).then().statusCode(200)
                .body(containsString("/admin/accounts/" + account.accountId + "/collections/" + runId))
                .body(containsString("succeeded"));
        admin.get("/admin/accounts?team=" + team).then().statusCode(200).body(containsString("href=\"/admin/accounts/" + account.accountId + "\""));
    }

    @Test
    void membersSeeTheRunsButNoScanNowAndAdminsChangeTheRole() {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        String team = data.team();
        String accountId = data.account(team, "dev");
        TestData.TestUser member = data.user();
        data.member(team, member, TeamRole.MEMBER);
        Browser.signedIn(member, totp).get("/admin/accounts/" + accountId).then().statusCode(200)
                .body(containsString("No role is set")).body(not(containsString("Scan now"))).body(not(containsString("Collector settings")));

        admin.postForm("/admin/accounts/" + accountId, Map.of("name", "Renamed", "roleArn", "not-an-arn"))
                .then().statusCode(400).body(containsString("id=\"roleArn-error\"")).body(containsString("value=\"not-an-arn\""));
        admin.postForm("/admin/accounts/" + accountId, Map.of("name", "Renamed", "roleArn",
                        "arn:aws:iam::" + accountId + ":role/TollgateCollector", "externalId", "ext-from-page"))
                .then().statusCode(303);
        admin.get("/admin/accounts/" + accountId).then().statusCode(200)
                .body(containsString("Account " + accountId + " saved."))
                .body(containsString("arn:aws:iam::" + accountId + ":role/TollgateCollector</code> with an external id"));
        admin.postForm("/admin/accounts/" + accountId + "/remove", Map.of()).then().statusCode(303);
        admin.get("/admin/accounts/" + accountId).then().statusCode(404);
    }
}
