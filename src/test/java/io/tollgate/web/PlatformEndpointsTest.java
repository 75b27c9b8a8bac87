package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** Health, API documentation and the security headers every response carries. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void livenessAndReadinessIncludeTheDatabase() {
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Tollgate API"))
                .body("paths", hasKey("/api/v1/teams"))
                .body("paths", hasKey("/api/v1/accounts"))
                .body("paths", hasKey("/api/v1/people"));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void pagesCarrySecurityHeadersWithoutInlineScripts() {
        RestAssured.get("/signin").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .body(not(containsString("<script")));
    }

    @Test
    void hstsIsSentOnlyOverHttps() {
        RestAssured.get("/signin").then().header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theStylesheetIsServedByTollgate() {
        RestAssured.get("/static/tollgate.css").then().statusCode(200).contentType(containsString("text/css"));
    }
}
