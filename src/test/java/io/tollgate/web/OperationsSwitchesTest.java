package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The operator's switches: a scraper token that opens the metrics, and the API documentation switched off. */
@QuarkusTest
@TestProfile(OperationsSwitchesTest.Switched.class)
class OperationsSwitchesTest {

    /** A test value, not a secret: it guards only the test instance. */
    static final String TOKEN = "scraper-token-of-the-operations-switches-test";

    public static class Switched implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("TOLLGATE_API_DOCS", "false", "tollgate.metrics.token", TOKEN);
        }
    }

    @Test
    void theScrapersTokenOpensTheMetrics() {
        RestAssured.given().header("Authorization", "Bearer " + TOKEN).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory"));
        RestAssured.given().header("Authorization", "bearer " + TOKEN).get("/q/metrics").then().statusCode(200);
        RestAssured.given().header("Authorization", "Bearer " + TOKEN.substring(1)).get("/q/metrics").then().statusCode(401);
        RestAssured.given().header("Authorization", "Basic " + TOKEN).get("/q/metrics").then().statusCode(401);
        RestAssured.get("/q/metrics").then().statusCode(401).body(not(containsString("jvm_memory")));
    }

    @Test
    void theApiDocumentationCanBeSwitchedOff() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(404);
        RestAssured.get("/q/swagger-ui/").then().statusCode(404);
        RestAssured.get("/q/swagger-ui").then().statusCode(not(200));
    }
}
