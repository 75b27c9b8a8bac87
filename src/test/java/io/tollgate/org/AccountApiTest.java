package io.tollgate.org;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AccountApiTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    Browser admin;

    @BeforeEach
    void signInAdmin() {
        admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
    }

    @Test
    void registeringAnAccountCreatesItsComponent() {
        String team = data.team();
        String id = TestData.accountId();
        admin.json().body(account(id, team, "staging"))
                .post("/api/v1/accounts")
                .then().statusCode(201).header("Location", endsWith("/api/v1/accounts/" + id))
                .body("team", equalTo(team)).body("environment", equalTo("staging"));
        admin.json().get("/api/v1/teams/" + team + "/components").then().statusCode(200)
                .body("key", hasItem("aws:" + id)).body("kind", hasItem("ACCOUNT"));
        admin.json().get("/api/v1/accounts?team=" + team).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].accountId", equalTo(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1234567890123", "12345678901a", "", "1234 5678 901"})
    void malformedAccountIdsAreRefused(String accountId) {
        String team = data.team();
        admin.json().body(account(accountId, team, "dev"))
                .post("/api/v1/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("accountId"));
        admin.json().get("/api/v1/accounts?team=" + team).then().body("total", equalTo(0));
    }

    @Test
    void anAccountBoundToAnotherEnvironmentIsRefusedAndNothingChanges() {
        String team = data.team();
        String id = data.account(team, "dev");
        admin.json().body(account(id, team, "prod"))
                .post("/api/v1/accounts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("accountId"))
                .body("detail", containsString("already bound to team '" + team + "' in environment 'dev'"))
                .body("detail", containsString("one AWS account per environment"));
        admin.json().get("/api/v1/accounts/" + id).then().statusCode(200).body("environment", equalTo("dev"));
    }

    @Test
    void anAccountBoundToAnotherTeamIsRefused() {
        String first = data.team();
        String second = data.team();
        String id = data.account(first, "uat");
        admin.json().body(account(id, second, "uat")).post("/api/v1/accounts").then().statusCode(409);
        admin.json().get("/api/v1/accounts?team=" + second).then().body("total", equalTo(0));
    }

    @Test
    void oversizedFieldsAndBadArnsAreNamed() {
        Map<String, Object> body = account(TestData.accountId(), data.team(), "dev");
        body.put("name", "n".repeat(200));
        body.put("roleArn", "not-an-arn");
        admin.json().body(body).post("/api/v1/accounts").then().statusCode(400)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("roleArn"));
    }

    @Test
    void unknownTeamOrEnvironmentIsRefused() {
        admin.json().body(account(TestData.accountId(), "no-such-team", "dev")).post("/api/v1/accounts")
                .then().statusCode(400).body("errors[0].field", equalTo("team"));
        admin.json().body(account(TestData.accountId(), data.team(), "qa")).post("/api/v1/accounts")
                .then().statusCode(400).body("errors[0].field", equalTo("environment"));
    }

    @Test
    void theEnvironmentOfAnAccountChangesOnlyThroughPromotion() {
        String team = data.team();
        String id = data.account(team, "uat");
        admin.json().body(account(id, team, "prod")).put("/api/v1/accounts/" + id).then().statusCode(409);
        Map<String, Object> rename = account(id, team, "uat");
        rename.put("name", "Renamed");
        admin.json().body(rename).put("/api/v1/accounts/" + id).then().statusCode(200).body("name", equalTo("Renamed"));
    }

    @Test
    void removingAnAccountFreesItsId() {
        String team = data.team();
        String id = data.account(team, "dev");
        admin.json().delete("/api/v1/accounts/" + id).then().statusCode(204);
        admin.json().get("/api/v1/accounts/" + id).then().statusCode(404);
        admin.json().delete("/api/v1/accounts/" + id).then().statusCode(404);
    }

    private static Map<String, Object> account(String id, String team, String environment) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", id);
        body.put("name", "Orders " + environment);
        body.put("team", team);
        body.put("environment", environment);
        body.put("roleArn", "arn:aws:iam::" + (id.matches("\\d{12}") ? id : "123456789012") + ":role/TollgateAudit");
        body.put("externalId", "tollgate-ext-1");
        return body;
    }
}
