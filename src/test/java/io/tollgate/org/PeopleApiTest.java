package io.tollgate.org;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class PeopleApiTest {

    /** Thirty characters of a 31-letter alphabet: about 148 bits, at least the 128 of ASVS 11.5.1. */
    private static final String AT_LEAST_128_BITS = "[a-hj-km-np-z2-9]{5}(-[a-hj-km-np-z2-9]{5}){5}";

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
    void addingAPersonReturnsAOneTimePasswordOnce() {
        String email = "p-" + TestData.unique() + "@example.test";
        admin.json().body(Map.of("email", email, "displayName", "Pat", "roles", List.of("MANAGER")))
                .post("/api/v1/people").then().statusCode(201)
                .body("person.roles", containsInAnyOrder("LEARNER", "MANAGER"))
                .body("oneTimePassword", matchesPattern(AT_LEAST_128_BITS));
        admin.json().get("/api/v1/people?q=" + email).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].email", equalTo(email));
    }

    @Test
    void aSignInResetGivesAOneTimePasswordOfAtLeast128Bits() {
        TestData.TestUser person = data.user();
        admin.json().post("/api/v1/people/" + person.id() + "/sign-in-reset").then().statusCode(200)
                .body("oneTimePassword", matchesPattern(AT_LEAST_128_BITS));
    }

    @Test
    void aPasswordResetKeepsTheAuthenticatorAndIsAudited() {
        TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        TestData.TestUser person = data.user();
        Browser resetting = Browser.signedIn(adminUser, totp);
        String oneTime = resetting.json().post("/api/v1/people/" + person.id() + "/sign-in-reset")
                .then().statusCode(200).extract().path("oneTimePassword");

        Browser browser = Browser.anonymous();
        browser.postForm("/signin", Map.of("email", person.email(), "password", oneTime))
                .then().statusCode(303).header("Location", endsWith("/signin/password"));
        browser.postForm("/signin/password", Map.of("password", "a new long passphrase", "confirmation", "a new long passphrase"))
                .then().statusCode(303).header("Location", endsWith("/signin/verify"));
        browser.postForm("/signin/verify", Map.of("code", totp.codeAt(person.totpSecret(), Instant.now().getEpochSecond() / 30)))
                .then().statusCode(303);
        browser.json().get("/api/v1/me").then().statusCode(200).body("person.email", equalTo(person.email()));
        resetting.json().get("/api/v1/audit-events?action=person.password-reset&actor=" + adminUser.email())
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].subject", equalTo(person.email()));
    }

    @Test
    void anAuthenticatorResetEndsTheSessionsAsksForEnrolmentAndIsAudited() {
        TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        TestData.TestUser person = data.user();
        Browser signedIn = Browser.signedIn(person, totp);
        signedIn.json().get("/api/v1/me").then().statusCode(200);
        Browser resetting = Browser.signedIn(adminUser, totp);
        String oneTime = resetting.json().post("/api/v1/people/" + person.id() + "/sign-in-reset?mfa=true")
                .then().statusCode(200).extract().path("oneTimePassword");
        signedIn.json().get("/api/v1/me").then().statusCode(401);

        Browser browser = Browser.anonymous();
        browser.postForm("/signin", Map.of("email", person.email(), "password", oneTime))
                .then().statusCode(303).header("Location", endsWith("/signin/password"));
        browser.postForm("/signin/password", Map.of("password", "a new long passphrase", "confirmation", "a new long passphrase"))
                .then().statusCode(303).header("Location", endsWith("/signin/enroll"));
        browser.json().get("/api/v1/me").then().statusCode(401);
        resetting.json().get("/api/v1/audit-events?action=person.sign-in-and-mfa-reset&actor=" + adminUser.email())
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].subject", equalTo(person.email()));
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        TestData.TestUser existing = data.user();
        admin.json().body(Map.of("email", existing.email().toUpperCase(), "displayName", "Again", "roles", List.of()))
                .post("/api/v1/people").then().statusCode(409).body("errors[0].field", equalTo("email"));
    }

    @Test
    void badInputIsNamedField() {
        admin.json().body(Map.of("email", "not an email", "displayName", "x".repeat(300), "roles", List.of()))
                .post("/api/v1/people").then().statusCode(400)
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("displayName"));
        admin.json().body(Map.of("email", "a@example.test", "displayName", "A", "roles", List.of("ROOT")))
                .post("/api/v1/people").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void deactivatingAPersonEndsTheirSessions() {
        TestData.TestUser user = data.user();
        Browser person = Browser.signedIn(user, totp);
        person.json().get("/api/v1/me").then().statusCode(200);
        admin.json().body(Map.of("active", false)).patch("/api/v1/people/" + user.id()).then().statusCode(200)
                .body("active", equalTo(false));
        person.json().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequest() {
        TestData.TestUser user = data.user();
        Browser person = Browser.signedIn(user, totp);
        person.json().get("/api/v1/people").then().statusCode(403);
        admin.json().body(Map.of("roles", List.of("MANAGER"))).patch("/api/v1/people/" + user.id()).then().statusCode(200);
        person.json().get("/api/v1/people").then().statusCode(200);
    }

    @Test
    void unknownPersonIs404() {
        admin.json().get("/api/v1/people/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyoneReadsThemselvesButNotOthers() {
        TestData.TestUser user = data.user();
        TestData.TestUser other = data.user();
        Browser person = Browser.signedIn(user, totp);
        person.json().get("/api/v1/people/" + user.id()).then().statusCode(200).body("email", equalTo(user.email()));
        person.json().get("/api/v1/people/" + other.id()).then().statusCode(404);
    }
}
