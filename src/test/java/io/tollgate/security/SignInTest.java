package io.tollgate.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tollgate.org.GlobalRole;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SignInTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void singleSignOnStartsOnlyFromAFormPostWithTheCsrfToken() {
        Browser browser = Browser.anonymous();
        browser.get("/signin").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("href=\"/signin/oidc\"")));
        browser.requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded").post("/signin/sso")
                .then().statusCode(403);
        // The test profile has no provider: a proper post is answered, but starts nothing and marks nothing.
        Response started = browser.postForm("/signin/sso", Map.of());
        started.then().statusCode(404).body(containsString("Single sign-on is not set up."));
        assertThat(started.cookies()).doesNotContainKey(SessionCookies.SSO_START);
    }

    @Test
    void newPersonChangesOneTimePasswordEnrolsAuthenticatorAndGetsRecoveryCodes() {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        String email = "new-" + TestData.unique() + "@example.test";
        String oneTimePassword = admin.json().body(Map.of("email", email, "displayName", "New Person", "roles", java.util.List.of()))
                .post("/api/v1/people").then().statusCode(201).extract().path("oneTimePassword");

        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", email, "password", oneTimePassword))
                .then().statusCode(303).header("Location", endsWith("/signin/password"));
        person.postForm("/signin/password", Map.of("password", "short", "confirmation", "short"))
                .then().statusCode(400).body(containsString("at least 12 characters"));
        person.postForm("/signin/password", Map.of("password", "my own long passphrase", "confirmation", "my own long passphrase"))
                .then().statusCode(303).header("Location", endsWith("/signin/enroll"));

        String enrolPage = person.get("/signin/enroll").then().statusCode(200)
                .body(containsString("<svg")).extract().asString();
        Matcher secret = Pattern.compile("id=\"secret\" class=\"secret\">([A-Z2-7]+)<").matcher(enrolPage);
        assertThat(secret.find()).as("the secret is shown as text").isTrue();
        person.postForm("/signin/enroll", Map.of("code", "000000")).then().statusCode(400).body(containsString("not right"));

        String codesPage = person.postForm("/signin/enroll", Map.of("code", currentCode(secret.group(1))))
                .then().statusCode(200).body(containsString("recovery codes")).extract().asString();
        assertThat(Pattern.compile("<li>[a-z2-9]{5}(-[a-z2-9]{5}){4}</li>").matcher(codesPage).results().count()).isEqualTo(10);

        person.json().get("/api/v1/me").then().statusCode(200).body("person.email", equalTo(email));
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists() {
        TestUser user = data.user();
        String known = Browser.anonymous().postForm("/signin", Map.of("email", user.email(), "password", "wrong password"))
                .then().statusCode(401).extract().asString();
        String unknown = Browser.anonymous().postForm("/signin", Map.of("email", "nobody@example.test", "password", "x"))
                .then().statusCode(401).extract().asString();
        assertThat(known).contains("E-mail address or password is wrong.");
        assertThat(unknown).contains("E-mail address or password is wrong.");
    }

    @Test
    void anAuthenticatorCodeIsAcceptedOnlyOnce() {
        TestUser user = data.user();
        String code = currentCode(user.totpSecret());
        Browser first = Browser.anonymous();
        first.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        first.postForm("/signin/verify", Map.of("code", code)).then().statusCode(303).header("Location", endsWith("/"));

        Browser replay = Browser.anonymous();
        replay.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        replay.postForm("/signin/verify", Map.of("code", code)).then().statusCode(401).body(containsString("not right"));
    }

    @Test
    void theCodeStepCannotBeSkipped() {
        TestUser user = data.user();
        Browser browser = Browser.anonymous();
        browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        browser.json().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        browser.get("/").then().statusCode(303).header("Location", endsWith("/signin"));
    }

    @Test
    void aForgedOrTamperedSessionCookieIsIgnored() {
        Browser browser = Browser.signedIn(data.user(), totp);
        String session = browser.cookies().get(SessionCookies.SESSION);
        // A character in the middle: each carries six bits of the sealed bytes (the last may carry padding only).
        int middle = session.length() / 2;
        String tampered = session.substring(0, middle) + (session.charAt(middle) == 'A' ? 'B' : 'A') + session.substring(middle + 1);
        io.restassured.RestAssured.given().cookie(SessionCookies.SESSION, tampered).accept("application/json")
                .get("/api/v1/me").then().statusCode(401);
        // A sign-in cookie cannot stand in for a session cookie either.
        io.restassured.RestAssured.given().cookie(SessionCookies.SIGN_IN, session).accept("application/json")
                .get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void signOutEndsTheSessionInThisBrowser() {
        Browser browser = Browser.signedIn(data.user(), totp);
        browser.json().get("/api/v1/me").then().statusCode(200);
        Response out = browser.postForm("/signout", Map.of());
        out.then().statusCode(303).header("Location", endsWith("/signin"));
        browser.json().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() {
        TestUser user = data.user();
        Browser.anonymous().requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("email", user.email(), "password", TestData.PASSWORD))
                .post("/signin").then().statusCode(403);
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        TestUser user = data.user();
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        String oneTime = admin.json().post("/api/v1/people/" + user.id() + "/sign-in-reset?mfa=true")
                .then().statusCode(200).extract().path("oneTimePassword");
        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", user.email(), "password", oneTime)).then().statusCode(303);
        person.postForm("/signin/password", Map.of("password", TestData.PASSWORD + "!", "confirmation", TestData.PASSWORD + "!"))
                .then().statusCode(303).header("Location", endsWith("/signin/enroll"));
        String page = person.get("/signin/enroll").then().extract().asString();
        Matcher secret = Pattern.compile("id=\"secret\" class=\"secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        String codes = person.postForm("/signin/enroll", Map.of("code", currentCode(secret.group(1)))).then().extract().asString();
        Matcher first = Pattern.compile("<li>([a-z2-9]{5}(-[a-z2-9]{5}){4})</li>").matcher(codes);
        assertThat(first.find()).isTrue();

        Browser withRecovery = Browser.anonymous();
        withRecovery.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD + "!")).then().statusCode(303);
        withRecovery.postForm("/signin/verify", Map.of("code", first.group(1))).then().statusCode(303);
        Browser again = Browser.anonymous();
        again.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD + "!")).then().statusCode(303);
        again.postForm("/signin/verify", Map.of("code", first.group(1))).then().statusCode(401);
    }

    private String currentCode(String secret) {
        return totp.codeAt(secret, Instant.now().getEpochSecond() / 30);
    }
}
