package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.SessionCookies;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.tollgate.web.CookieAndUrlTest.FORGED_HOST;
import static org.assertj.core.api.Assertions.assertThat;

/** Served over HTTPS: __Host- cookies, and absolute URLs from tollgate.public-url whatever Host a request names. */
@QuarkusTest
@TestProfile(SecureCookieAndPublicUrlTest.Https.class)
class SecureCookieAndPublicUrlTest {

    static final String PUBLIC_URL = "https://tollgate.example.test";

    public static class Https implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tollgate.security.secure-cookies", "true", "tollgate.public-url", PUBLIC_URL + "/");
        }
    }

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void sessionAndSignInCookiesAreHostPrefixedSecureAndForTheWholeSiteOnly() {
        TestData.TestUser user = data.user();
        Browser browser = Browser.anonymous().withOrigin(PUBLIC_URL);
        Response password = browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD));
        assertThat(password.getDetailedCookie(SessionCookies.SIGN_IN)).as("no plain-named cookie").isNull();
        assertHostCookie(password.getHeaders().getValues("Set-Cookie"), "__Host-tollgate_signin=");

        Response verify = browser.postForm("/signin/verify",
                Map.of("code", totp.codeAt(user.totpSecret(), Instant.now().getEpochSecond() / 30)));
        assertHostCookie(verify.getHeaders().getValues("Set-Cookie"), "__Host-tollgate_session=");
        browser.json().get("/api/v1/me").then().statusCode(200);

        Browser plainName = Browser.anonymous();
        plainName.cookies().put(SessionCookies.SESSION, browser.cookies().get(SessionCookies.HOST_PREFIX + SessionCookies.SESSION));
        plainName.json().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void redirectsAndSnippetsUseThePublicUrlNeverTheHostHeader() {
        TestData.TestUser user = data.user(GlobalRole.SECURITY_ADMIN);
        Browser browser = Browser.anonymous().withOrigin(PUBLIC_URL);
        String csrf = browser.csrfToken();
        Response password = browser.request().header("Host", FORGED_HOST).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("email", user.email(), "password", TestData.PASSWORD, "csrf", csrf)).post("/signin");
        assertThat(password.header("Location")).isEqualTo(PUBLIC_URL + "/signin/verify");
        Response verify = browser.request().header("Host", FORGED_HOST).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("code", totp.codeAt(user.totpSecret(), Instant.now().getEpochSecond() / 30), "csrf", csrf))
                .post("/signin/verify");
        assertThat(verify.header("Location")).isEqualTo(PUBLIC_URL + "/");

        assertThat(Browser.anonymous().request().header("Host", FORGED_HOST).get("/findings").header("Location"))
                .isEqualTo(PUBLIC_URL + "/signin");
        String slug = "public-" + TestData.unique();
        assertThat(browser.json().header("Host", FORGED_HOST).body(Map.of("slug", slug, "name", "Public"))
                .post("/api/v1/teams").header("Location")).isEqualTo(PUBLIC_URL + "/api/v1/teams/" + slug);

        data.member(slug, user, TeamRole.LEAD);
        String page = browser.request().header("Host", FORGED_HOST).get("/teams/" + slug + "/ci")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("TOLLGATE_URL=" + PUBLIC_URL + "\n").doesNotContain(FORGED_HOST)
                .doesNotContain(PublicUrl.PLACEHOLDER).doesNotContain("snippet-url-note");
    }

    private static void assertHostCookie(java.util.List<String> setCookies, String prefix) {
        String cookie = setCookies.stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " cookie in " + setCookies));
        String lower = cookie.toLowerCase();
        assertThat(lower).containsPattern("(^|;) ?secure(;|$)").containsPattern("(^|;) ?path=/(;|$)").contains("httponly").contains("samesite=lax")
                .doesNotContain("domain=");
    }
}
