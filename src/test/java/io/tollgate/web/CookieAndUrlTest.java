package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.SessionCookies;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code tollgate.public-url}: redirects are relative and never name the Host a request claimed, the CI
 * snippets show a placeholder with a note, cookies keep their plain names, and every text response names its charset.
 * {@link SecureCookieAndPublicUrlTest} covers the same with HTTPS settings.
 */
@QuarkusTest
class CookieAndUrlTest {

    static final String FORGED_HOST = "attacker.example";
    /** What a browser that reached Tollgate under the forged name would send, so that the CSRF check lets it through. */
    static final String FORGED_ORIGIN = "http://" + FORGED_HOST;

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void redirectsAreRelativeWhateverHostTheRequestNames() {
        TestData.TestUser user = data.user(GlobalRole.SECURITY_ADMIN);
        Browser browser = Browser.anonymous();
        String csrf = browser.csrfToken();

        Response password = browser.request().header("Host", FORGED_HOST).header("Origin", FORGED_ORIGIN).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("email", user.email(), "password", TestData.PASSWORD, "csrf", csrf)).post("/signin");
        assertThat(password.statusCode()).isEqualTo(303);
        assertThat(password.header("Location")).isEqualTo("/signin/verify");

        Response verify = browser.request().header("Host", FORGED_HOST).header("Origin", FORGED_ORIGIN).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("code", totp.codeAt(user.totpSecret(), java.time.Instant.now().getEpochSecond() / 30),
                        "csrf", csrf)).post("/signin/verify");
        assertThat(verify.statusCode()).isEqualTo(303);
        assertThat(verify.header("Location")).isEqualTo("/");

        // The challenge of a portal page, a form's redirect, an API's 201 Location and the sign-out redirect.
        assertThat(Browser.anonymous().request().header("Host", FORGED_HOST).get("/findings").header("Location"))
                .isEqualTo("/signin");
        String slug = "host-" + TestData.unique();
        Response created = browser.json().header("Host", FORGED_HOST).header("Origin", FORGED_ORIGIN).body(Map.of("slug", slug, "name", "Host"))
                .post("/api/v1/teams");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/teams/" + slug);
        Response signOut = browser.request().header("Host", FORGED_HOST).header("Origin", FORGED_ORIGIN).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", browser.csrfToken()).post("/signout");
        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.header("Location")).isEqualTo("/signin");
    }

    @Test
    void ciSnippetsShowAPlaceholderAndSayHowToSetThePublicUrl() {
        String team = data.team();
        TestData.TestUser lead = data.user();
        data.member(team, lead, TeamRole.LEAD);
        String page = Browser.signedIn(lead, totp).request().header("Host", FORGED_HOST).get("/teams/" + team + "/ci")
                .then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain(FORGED_HOST).doesNotContain("localhost")
                .contains("TOLLGATE_URL=" + PublicUrl.PLACEHOLDER)
                .contains("tollgate.public-url");
    }

    @Test
    void cookiesArePlainHttpOnlyAndLaxWithoutSecureCookies() {
        TestData.TestUser user = data.user();
        Browser browser = Browser.anonymous();
        Response password = browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD));
        Cookie signIn = password.getDetailedCookie(SessionCookies.SIGN_IN);
        assertThat(signIn).isNotNull();
        assertThat(signIn.isHttpOnly()).isTrue();
        assertThat(signIn.isSecured()).isFalse();
        assertThat(signIn.getPath()).isEqualTo("/");
        assertThat(signIn.getSameSite()).isEqualToIgnoringCase("Lax");
    }

    @Test
    void everyTextResponseNamesItsCharset() {
        TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        String team = data.team();
        data.member(team, adminUser, TeamRole.LEAD);
        Browser admin = Browser.signedIn(adminUser, totp);
        Browser anonymous = Browser.anonymous();
        Map<String, Response> responses = new java.util.LinkedHashMap<>();
        responses.put("sign-in page", anonymous.get("/signin"));
        responses.put("refused sign-in", anonymous.postForm("/signin", Map.of("email", "nobody@example.test", "password", "x")));
        responses.put("home page", admin.get("/"));
        responses.put("portal error page", admin.get("/teams/no-such-team-" + TestData.unique()));
        responses.put("unmatched path", admin.get("/no-such-page"));
        responses.put("scorecard CSV", admin.get("/scorecards/export.csv"));
        responses.put("training CSV", admin.request().accept("text/csv").get("/api/v1/progress/teams/" + team + "/export"));
        responses.put("stylesheet", anonymous.get("/static/tollgate.css"));
        responses.put("CI reference", anonymous.get("/ci/README.md"));
        responses.put("CI script", anonymous.get("/ci/tollgate-upload.sh"));
        List<String> missing = responses.entrySet().stream()
                .filter(e -> !e.getValue().contentType().toLowerCase().replace(" ", "").contains("charset=utf-8"))
                .map(e -> e.getKey() + " (" + e.getValue().statusCode() + ", " + e.getValue().contentType() + ")")
                .toList();
        assertThat(missing).as("text responses without a charset").isEmpty();
    }
}
