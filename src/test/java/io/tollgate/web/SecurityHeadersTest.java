package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** What {@link SecurityHeaders} adds, and what the server must not offer: caching, CORS, listings and TRACE. */
@QuarkusTest
class SecurityHeadersTest {

    private static final String FOREIGN_ORIGIN = "https://attacker.example";

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void pagesAndApiAnswersMayNotBeStoredButStaticFilesMay() {
        Browser browser = Browser.signedIn(data.user(), totp);
        browser.get("/").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        browser.json().get("/api/v1/me").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        RestAssured.get("/signin").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        RestAssured.given().accept("application/json").get("/api/v1/me").then().statusCode(401)
                .header("Cache-Control", equalTo("no-store"));
        RestAssured.get("/static/tollgate.css").then().statusCode(200)
                .header("Cache-Control", not(containsString("no-store")));
        RestAssured.get("/favicon.svg").then().statusCode(200)
                .header("Cache-Control", not(containsString("no-store")));
    }

    @Test
    void signingOutAsksTheBrowserToDropTheSitesCacheAndCookies() {
        Browser browser = Browser.signedIn(data.user(), totp);
        browser.postForm("/signout", Map.of()).then().statusCode(303)
                .header("Clear-Site-Data", equalTo("\"cache\", \"cookies\""));
        // A sign-out refused for want of a CSRF token clears nothing.
        Browser signedIn = Browser.signedIn(data.user(), totp);
        signedIn.requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded").post("/signout")
                .then().statusCode(403).header("Clear-Site-Data", nullValue());
        signedIn.json().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void swaggerUiMayNeitherEmbedPluginsNorMoveItsBase() {
        RestAssured.get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Content-Security-Policy", containsString("base-uri 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void aForeignOriginGetsNoCorsPermission() {
        Browser browser = Browser.signedIn(data.user(), totp);
        Response simple = browser.json().header("Origin", FOREIGN_ORIGIN).get("/api/v1/me");
        assertThat(simple.headers().asList()).noneMatch(h -> h.getName().toLowerCase().startsWith("access-control-"));
        Response preflight = RestAssured.given().header("Origin", FOREIGN_ORIGIN)
                .header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/v1/teams");
        assertThat(preflight.headers().asList()).noneMatch(h -> h.getName().toLowerCase().startsWith("access-control-"));
    }

    @Test
    void foldersAreNotListedAndTraceEchoesNothing() {
        assertThat(RestAssured.get("/ci/").then().statusCode(404).extract().asString()).doesNotContain("tollgate-upload.sh");
        assertThat(RestAssured.get("/static/").then().statusCode(404).extract().asString()).doesNotContain("Index of");
        Response trace = RestAssured.given().header("X-Echo-Probe", "probe-value").request("TRACE", "/");
        assertThat(trace.statusCode()).isIn(404, 405, 501);
        assertThat(trace.asString()).doesNotContain("probe-value").doesNotContain("X-Echo-Probe");
    }
}
