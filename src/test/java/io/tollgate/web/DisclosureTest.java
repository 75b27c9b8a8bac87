package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * What Tollgate tells callers who may not see something: a thing of another team answers exactly as one that does
 * not exist, naming neither the team nor the key; the metrics need the scraper's token; the API documentation stays
 * public.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureTest {

    private static final Pattern PAGE_DETAIL = Pattern.compile("<p class=\"lead\">([^<]*)</p>");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    private String team;
    private String account;
    private int decision;
    private int waiver;
    private Browser outsider;

    /** Once per class; REST Assured learns the test port only when the first test starts. */
    @BeforeEach
    void setUp() {
        if (team != null) {
            return;
        }
        team = data.team();
        account = data.account(team, "dev");
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        Browser lead = Browser.signedIn(user, totp);
        decision = lead.json().body(Map.of("team", team, "environment", "prod", "idempotencyKey", "d1"))
                .post("/api/v1/gate/evaluations").then().statusCode(201).extract().path("id");
        waiver = lead.json().body(Map.of("team", team, "kind", "CONTROL", "subject", "root-mfa-enabled",
                        "reason", "Root MFA is being moved to a hardware key this sprint",
                        "expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                .post("/api/v1/gate/waivers").then().statusCode(201).extract().path("id");
        String ownTeam = data.team();
        TestData.TestUser other = data.user();
        data.member(ownTeam, other, TeamRole.LEAD);
        outsider = Browser.signedIn(other, totp);
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/accounts/{account}                 | /api/v1/accounts/{missingAccount}
            /api/v1/accounts/{account}/collections     | /api/v1/accounts/{missingAccount}/collections
            /api/v1/teams/{team}                       | /api/v1/teams/{missingTeam}
            /api/v1/gate/evaluations/{decision}        | /api/v1/gate/evaluations/2000000001
            /api/v1/gate/waivers/{waiver}              | /api/v1/gate/waivers/2000000001
            /api/v1/gate/evaluations?team={team}       | /api/v1/gate/evaluations?team={missingTeam}
            /api/v1/findings?team={team}               | /api/v1/findings?team={missingTeam}
            /admin/accounts/{account}                  | /admin/accounts/{missingAccount}
            /gate/decisions/{decision}                 | /gate/decisions/2000000001
            /gate/{team}/prod                          | /gate/{missingTeam}/prod
            """)
    void aHiddenThingAnswersAsAMissingOne(String hidden, String missing) {
        Response toHidden = outsider.request().accept(hidden.startsWith("/api/") ? "application/json" : "text/html")
                .get(fill(hidden));
        Response toMissing = outsider.request().accept(hidden.startsWith("/api/") ? "application/json" : "text/html")
                .get(fill(missing));
        // The problem document's instance is the path the caller sent, for hidden and missing things alike.
        toHidden.then().statusCode(404);
        toMissing.then().statusCode(404);
        assertThat(detail(toHidden)).isEqualTo(detail(toMissing)).doesNotContain(team).doesNotContain(account);
    }

    @Test
    void aPromotionOfAnotherTeamsAccountAnswersAsAnUnknownAccount() {
        Response hidden = outsider.json().body(Map.of("account", account)).post("/api/v1/gate/promotions");
        Response missing = outsider.json().body(Map.of("account", TestData.accountId())).post("/api/v1/gate/promotions");
        hidden.then().statusCode(404).body(not(containsString(team))).body(not(containsString(account)));
        missing.then().statusCode(404);
        assertThat(detail(hidden)).isEqualTo(detail(missing));
    }

    @Test
    void notFoundNamesTheKindOfThingAndNothingElse() {
        outsider.json().get("/api/v1/accounts/" + account).then().statusCode(404)
                .body("title", equalTo("Not found")).body("detail", equalTo("Account not found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/metrics/", "/q//metrics", "/q/./metrics", "/q/metrics?format=text"})
    void anonymousCallersGetNoMetrics(String path) {
        RestAssured.given().urlEncodingEnabled(false).get(path).then().statusCode(not(equalTo(200)))
                .body(not(containsString("jvm_")));
    }

    @Test
    void metricsNeedTheScrapersTokenNotASession() {
        RestAssured.get("/q/metrics").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        RestAssured.given().header("Authorization", "Bearer guessed-token-guessed-token-guessed-token").get("/q/metrics")
                .then().statusCode(401);
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        admin.get("/q/metrics").then().statusCode(401).body(not(containsString("jvm_")));
    }

    @Test
    void theApiDocumentationStaysPublicByDefault() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Tollgate API"));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
    }

    private String fill(String path) {
        return path.replace("{account}", account).replace("{missingAccount}", TestData.accountId())
                .replace("{team}", team).replace("{missingTeam}", "team-" + TestData.unique())
                .replace("{decision}", Integer.toString(decision)).replace("{waiver}", Integer.toString(waiver));
    }

    /** The problem document's detail, or the error page's. */
    private static String detail(Response response) {
        if (response.contentType().contains("json")) {
            return response.path("title") + ": " + response.path("detail");
        }
        Matcher matcher = PAGE_DETAIL.matcher(response.asString());
        assertThat(matcher.find()).as("error page with a detail").isTrue();
        return matcher.group(1);
    }
}
