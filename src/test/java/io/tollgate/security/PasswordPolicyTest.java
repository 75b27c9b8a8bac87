package io.tollgate.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tollgate.audit.AuditEvent;
import io.tollgate.org.Person;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** Password strength, hashing without truncation, changing one's own password, recovery codes and TOTP secrets at rest. */
@QuarkusTest
class PasswordPolicyTest {

    /** 100 characters; {@link #SAME_FIRST_72} shares its first 72 bytes and nothing after. */
    private static final String LONG_PASSWORD =
            "violin meadow lantern seventeen quietly drifting over copper rooftops wh" + "ile owls count the rainy sky";
    private static final String SAME_FIRST_72 =
            "violin meadow lantern seventeen quietly drifting over copper rooftops wh" + "atever else an attacker type";

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    SignInService signIn;

    @Inject
    LocalCredentials credentials;

    @Inject
    EntityManager entityManager;

    @Test
    void commonGuessableAndPersonalPasswordsAreRefusedWithTheReason() {
        TestUser user = data.user();
        Browser browser = Browser.signedIn(user, totp);
        change(browser, user, TestData.PASSWORD, "Password123!")
                .then().statusCode(400).body(containsString("too easy to guess")).body(containsString("common password"));
        change(browser, user, TestData.PASSWORD, "qwertyuiop123")
                .then().statusCode(400).body(containsString("too easy to guess"));
        change(browser, user, TestData.PASSWORD, user.email() + "2026")
                .then().statusCode(400).body(containsString("too easy to guess"));
        change(browser, user, TestData.PASSWORD, "short")
                .then().statusCode(400).body(containsString("at least 12 characters"));
        change(browser, user, TestData.PASSWORD, "a".repeat(400) + LONG_PASSWORD + LONG_PASSWORD)
                .then().statusCode(400).body(containsString("at most 512 characters"));
        signInWith(user.email(), TestData.PASSWORD).then().statusCode(303);
    }

    @Test
    void aPasswordCountsPastItsSeventySecondByte() {
        TestUser user = data.user();
        change(Browser.signedIn(user, totp), user, TestData.PASSWORD, LONG_PASSWORD).then().statusCode(303);
        assertThat(LONG_PASSWORD).hasSize(100).startsWith(SAME_FIRST_72.substring(0, 72));
        signInWith(user.email(), SAME_FIRST_72).then().statusCode(401);
        signInWith(user.email(), LONG_PASSWORD).then().statusCode(303).header("Location", endsWith("/signin/verify"));
    }

    @Test
    void aBcryptHashIsRenewedAsArgon2idAtTheNextSignIn() {
        TestUser user = data.user();
        QuarkusTransaction.requiringNew().run(() ->
                LocalCredential.<LocalCredential>findById(user.id()).passwordHash = BcryptUtil.bcryptHash(TestData.PASSWORD));
        assertThat(passwordHash(user)).startsWith("$2");
        Browser.signedIn(user, totp).json().get("/api/v1/me").then().statusCode(200);
        assertThat(passwordHash(user)).startsWith("$argon2id$v=19$").doesNotContain(TestData.PASSWORD);
        forgetUsedCodes(user);
        Browser.signedIn(user, totp).json().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void changingOnesOwnPasswordTakesTheCurrentPasswordAndACode() {
        TestUser user = data.user();
        Browser other = Browser.signedIn(user, totp);
        forgetUsedCodes(user);
        Browser browser = Browser.signedIn(user, totp);
        browser.get("/profile/password").then().statusCode(200).body(containsString("Current password"));
        String next = "lantern meadow copper violin";

        browser.postForm("/profile/password", Map.of("currentPassword", "not my password", "code", nextCode(user),
                "password", next, "confirmation", next)).then().statusCode(400).body(containsString("not right"));
        browser.postForm("/profile/password", Map.of("currentPassword", TestData.PASSWORD, "code", "123456",
                "password", next, "confirmation", next)).then().statusCode(400).body(containsString("not right"));
        browser.postForm("/profile/password", Map.of("currentPassword", TestData.PASSWORD, "code", nextCode(user),
                "password", next, "confirmation", next + "x")).then().statusCode(400).body(containsString("differ"));
        browser.postForm("/profile/password", Map.of("currentPassword", TestData.PASSWORD, "code", nextCode(user),
                "password", next, "confirmation", next)).then().statusCode(303);

        browser.json().get("/api/v1/me").then().statusCode(200);
        other.json().get("/api/v1/me").then().statusCode(401);
        signInWith(user.email(), TestData.PASSWORD).then().statusCode(401);
        signInWith(user.email(), next).then().statusCode(303);
        String email = user.email();
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("action = ?1 and subject = ?2", "person.password-changed", email))).isEqualTo(1);
    }

    @Test
    void thePasswordPageNeedsASignedInPersonAndACsrfToken() {
        Browser.anonymous().get("/profile/password").then().statusCode(303).header("Location", endsWith("/signin"));
        TestUser user = data.user();
        Browser browser = Browser.signedIn(user, totp);
        browser.requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("currentPassword", TestData.PASSWORD, "code", nextCode(user),
                        "password", "lantern meadow copper violin", "confirmation", "lantern meadow copper violin"))
                .post("/profile/password").then().statusCode(403);
        signInWith(user.email(), TestData.PASSWORD).then().statusCode(303);
    }

    @Test
    void recoveryCodesCarryAtLeast112BitsAndAreKeptAsKeyedHashes() {
        TestUser user = data.user();
        QuarkusTransaction.requiringNew().run(() -> credentials.resetMfa(Person.findById(user.id())));
        String secret = signIn.enrollment(user.id()).secret();
        List<String> codes = signIn.confirmEnrollment(user.id(), totp.codeAt(secret, step()), "192.0.2.10");

        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}(-[a-z2-9]{5}){4}"));
        long alphabet = codes.stream().flatMap(c -> c.replace("-", "").chars().boxed()).distinct().count();
        assertThat(alphabet).as("letters drawn from the 31-letter alphabet").isLessThanOrEqualTo(31);
        assertThat(25 * Math.log(31) / Math.log(2)).as("bits of a 25-letter code").isGreaterThanOrEqualTo(112);
        Set<String> stored = new HashSet<>(QuarkusTransaction.requiringNew().call(() ->
                RecoveryCode.<RecoveryCode>list("personId", user.id()).stream().map(r -> r.codeHash).toList()));
        assertThat(stored).hasSize(10);
        for (String code : codes) {
            assertThat(stored).doesNotContain(code, Secrets.sha256Hex(code), Secrets.sha256Hex(code.replace("-", "")));
        }
        assertThat(stored).allMatch(h -> h.matches("[0-9a-f]{64}"));

        // Typed in capitals with spaces for hyphens, a code signs in once.
        String typed = codes.get(0).toUpperCase().replace('-', ' ');
        signIn.verifyCode(user.id(), typed, "192.0.2.10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signIn.verifyCode(user.id(), typed, "192.0.2.10"))
                .isInstanceOf(SignInRefusedException.class);
    }

    @Test
    void totpSecretsAreSealedAtRestAndPlainOnesAreSealedAtStart() {
        TestUser user = data.user();
        String stored = totpColumn(user);
        assertThat(stored).startsWith("sealed:").doesNotContain(user.totpSecret());

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE local_credential SET totp_secret = ?1 WHERE person_id = ?2")
                .setParameter(1, user.totpSecret()).setParameter(2, user.id()).executeUpdate());
        credentials.sealPlainSecrets(null);
        assertThat(totpColumn(user)).startsWith("sealed:").doesNotContain(user.totpSecret());
        Browser.signedIn(user, totp).json().get("/api/v1/me").then().statusCode(200);
    }

    private Response change(Browser browser, TestUser user, String current, String password) {
        return browser.postForm("/profile/password", Map.of("currentPassword", current, "code", nextCode(user),
                "password", password, "confirmation", password));
    }

    private static Response signInWith(String email, String password) {
        return Browser.anonymous().postForm("/signin", Map.of("email", email, "password", password));
    }

    /**
     * A code the server has not accepted yet: sign-in used the previous step's, this is the current step's. Each
     * failed change counts towards the throttle, but never past its limits here.
     */
    private String nextCode(TestUser user) {
        return Browser.code(user, totp, 1);
    }

    private static long step() {
        return Instant.now().getEpochSecond() / TotpAuthenticator.PERIOD_SECONDS;
    }

    /** Lets the current code sign in again, as for a second device in the same 30 seconds. */
    private void forgetUsedCodes(TestUser user) {
        QuarkusTransaction.requiringNew().run(() -> LocalCredential.<LocalCredential>findById(user.id()).lastTotpStep = 0);
    }

    private String passwordHash(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> LocalCredential.<LocalCredential>findById(user.id()).passwordHash);
    }

    private String totpColumn(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT totp_secret FROM local_credential WHERE person_id = ?1").setParameter(1, user.id()).getSingleResult());
    }
}
