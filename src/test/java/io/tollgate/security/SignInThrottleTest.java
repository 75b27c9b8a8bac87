package io.tollgate.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tollgate.org.GlobalRole;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;

/**
 * Failed sign-ins slow the client that makes them (429 with Retry-After) and never lock the person out from
 * elsewhere; the counts live in the database. Each test signs in from addresses of its own (X-Forwarded-For).
 */
@QuarkusTest
class SignInThrottleTest {

    private static final String NEUTRAL = "E-mail address or password is wrong.";
    private static final Pattern ERROR = Pattern.compile("role=\"alert\">([^<]*)<");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    SignInService signIn;

    @Inject
    SignInThrottle throttle;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Test
    void aLockedOutAdminStillSignsInFromAnotherAddress() {
        TestUser admin = data.user(GlobalRole.SECURITY_ADMIN);
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            passwordFrom(attacker, admin.email(), "wrong guess " + i).then().statusCode(401);
        }
        Response blocked = passwordFrom(attacker, admin.email(), TestData.PASSWORD);
        blocked.then().statusCode(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, Duration.ofMinutes(15).toSeconds());
        assertThat(error(blocked)).isEqualTo(NEUTRAL);

        Browser elsewhere = Browser.anonymous().from(address());
        elsewhere.postForm("/signin", Map.of("email", admin.email(), "password", TestData.PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/signin/verify"));
        elsewhere.postForm("/signin/verify", Map.of("code", currentCode(admin))).then().statusCode(303);
        elsewhere.json().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void unknownAccountWrongPasswordAndThrottledAnswerAlikeAndCostOneHashEach() {
        TestUser user = data.user();
        String from = address();
        double before = hashChecks();
        Response unknown = passwordFrom(from, "nobody-" + TestData.unique() + "@example.test", "some password");
        assertThat(hashChecks() - before).isEqualTo(1.0);
        Response wrong = passwordFrom(from, user.email(), "not the password");
        assertThat(hashChecks() - before).isEqualTo(2.0);
        for (int i = 0; i < 4; i++) {
            passwordFrom(from, user.email(), "not the password " + i);
        }
        double beforeThrottled = hashChecks();
        Response throttled = passwordFrom(from, user.email(), "not the password");
        assertThat(hashChecks() - beforeThrottled).as("a throttled attempt costs a hash too").isEqualTo(1.0);

        unknown.then().statusCode(401);
        wrong.then().statusCode(401);
        throttled.then().statusCode(429);
        assertThat(error(unknown)).isEqualTo(NEUTRAL);
        assertThat(error(wrong)).isEqualTo(NEUTRAL);
        assertThat(error(throttled)).isEqualTo(NEUTRAL);
    }

    @Test
    void anUnknownAccountIsThrottledExactlyLikeAKnownOne() {
        String from = address();
        String nobody = "nobody-" + TestData.unique() + "@example.test";
        for (int i = 0; i < 5; i++) {
            passwordFrom(from, nobody, "guess " + i).then().statusCode(401);
        }
        passwordFrom(from, nobody, "guess 6").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // The e-mail address is normalised: another spelling of the same address counts with it.
        passwordFrom(from, " " + nobody.toUpperCase() + " ", "guess 7").then().statusCode(429);
    }

    @Test
    void anAddressTryingManyAccountsIsThrottledForEveryAccount() {
        String from = address();
        for (int i = 0; i < 100; i++) {
            String email = "spray-" + i + "-" + TestData.unique() + "@example.test";
            assertThatThrownBy(() -> signIn.checkPassword(email, "Winter2026!", from))
                    .isExactlyInstanceOf(SignInRefusedException.class);
        }
        TestUser user = data.user();
        passwordFrom(from, user.email(), TestData.PASSWORD).then().statusCode(429);
        passwordFrom(address(), user.email(), TestData.PASSWORD).then().statusCode(303);
    }

    @Test
    void theCodeStageIsThrottledToo() {
        TestUser user = data.user();
        String from = address();
        Browser browser = Browser.anonymous().from(from);
        browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        for (int i = 0; i < 5; i++) {
            browser.postForm("/signin/verify", Map.of("code", "00000" + i)).then().statusCode(401);
        }
        Response blocked = browser.postForm("/signin/verify", Map.of("code", currentCode(user)));
        blocked.then().statusCode(429);
        assertThat(blocked.header("Retry-After")).isNotBlank();
        browser.json().get("/api/v1/me").then().statusCode(401);

        Browser elsewhere = Browser.anonymous().from(address());
        elsewhere.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        elsewhere.postForm("/signin/verify", Map.of("code", currentCode(user))).then().statusCode(303);
    }

    @Test
    void theCountsLiveInTheDatabaseSoEveryInstanceSharesThem() {
        TestUser user = data.user();
        String from = address();
        passwordFrom(from, user.email(), "wrong once").then().statusCode(401);
        assertThat(failures("address:" + from)).isEqualTo(1);
        assertThat(failures(SignInThrottle.accountKey(user.email(), from))).isEqualTo(1);

        // Four more failures counted by another instance: this one refuses the next attempt without checking it.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE sign_in_throttle SET failures = failures + 4 WHERE throttle_key = ?1")
                .setParameter(1, SignInThrottle.accountKey(user.email(), from)).executeUpdate());
        passwordFrom(from, user.email(), TestData.PASSWORD).then().statusCode(429);
    }

    @Test
    void aCompleteSignInForgivesTheFailuresFromThatAddress() {
        TestUser user = data.user();
        String from = address();
        for (int i = 0; i < 4; i++) {
            passwordFrom(from, user.email(), "typo " + i).then().statusCode(401);
        }
        Browser browser = Browser.anonymous().from(from);
        browser.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        browser.postForm("/signin/verify", Map.of("code", currentCode(user))).then().statusCode(303);
        assertThat(failures(SignInThrottle.accountKey(user.email(), from))).isZero();
    }

    @Test
    void countsWhoseWindowEndedAreDropped() {
        String stale = "address:" + address();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO sign_in_throttle (throttle_key, failures, window_started_at) VALUES (?1, 99, ?2)")
                .setParameter(1, stale).setParameter(2, Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
                .executeUpdate());
        throttle.dropEnded();
        assertThat(failures(stale)).isZero();
    }

    @Test
    void hostileInputIsRefusedLikeAnyWrongPassword() {
        String from = address();
        // Just under the server's form-field limit: the account key is a hash, whatever the length.
        Response longEmail = passwordFrom(from, "x".repeat(2000) + "@example.test", "x".repeat(1500));
        longEmail.then().statusCode(401);
        assertThat(error(longEmail)).isEqualTo(NEUTRAL);
        Response noPassword = Browser.anonymous().from(from).postForm("/signin", Map.of("email", "a@b.test"));
        noPassword.then().statusCode(401);
        assertThat(error(noPassword)).isEqualTo(NEUTRAL);
    }

    private Response passwordFrom(String address, String email, String password) {
        return Browser.anonymous().from(address).postForm("/signin", Map.of("email", email, "password", password));
    }

    private int failures(String key) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT failures FROM sign_in_throttle WHERE throttle_key = ?1").setParameter(1, key).getResultList());
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    private double hashChecks() {
        return metrics.counter("tollgate.sign_in.password_checks").count();
    }

    private String currentCode(TestUser user) {
        return totp.codeAt(user.totpSecret(), Instant.now().getEpochSecond() / TotpAuthenticator.PERIOD_SECONDS);
    }

    private static String error(Response response) {
        Matcher matcher = ERROR.matcher(response.asString());
        assertThat(matcher.find()).as("the page shows an error").isTrue();
        return matcher.group(1);
    }

    /** An address from the documentation range 198.18.0.0/15, different for each call. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
