package io.tollgate.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Sessions the server ends: sign-out, sign-out of all sessions, the idle timeout and the absolute lifetime. */
@QuarkusTest
class SessionLifecycleTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void signOutEndsTheSessionForEveryCopyOfItsCookie() {
        Browser browser = Browser.signedIn(data.user(), totp);
        Browser copy = copyOf(browser);
        copy.json().get("/api/v1/me").then().statusCode(200);

        browser.postForm("/signout", Map.of()).then().statusCode(303).header("Location", endsWith("/signin"));

        copy.json().get("/api/v1/me").then().statusCode(401);
        copy.get("/").then().statusCode(303).header("Location", endsWith("/signin"));
    }

    @Test
    void signingOutOfAllSessionsEndsEveryOneOfThePersonsSessions() throws SQLException {
        TestData.TestUser user = data.user();
        TestData.TestUser someoneElse = data.user();
        Browser here = Browser.signedIn(user, totp);
        Browser elsewhere = Browser.signedIn(user, totp, 1);
        Browser other = Browser.signedIn(someoneElse, totp);

        here.postForm("/profile/sessions/end-all", Map.of()).then().statusCode(303).header("Location", endsWith("/signin"));

        here.json().get("/api/v1/me").then().statusCode(401);
        elsewhere.json().get("/api/v1/me").then().statusCode(401);
        other.json().get("/api/v1/me").then().statusCode(200);
        // The person signs in again as before (the authenticator code of this half-minute is used up: forget it).
        execute("update local_credential set last_totp_step = 0 where person_id = " + user.id());
        Browser.signedIn(user, totp).json().get("/api/v1/me").then().statusCode(200).body("person.email", equalTo(user.email()));
    }

    @Test
    void onePersonEndsAnotherOfTheirSessionsButNoOneElses() throws SQLException {
        TestData.TestUser user = data.user();
        Browser here = Browser.signedIn(user, totp);
        Browser elsewhere = Browser.signedIn(user, totp, 1);
        Browser stranger = Browser.signedIn(data.user(), totp);

        here.postForm("/profile/sessions/" + sessionId(stranger) + "/end", Map.of()).then().statusCode(404)
                .body(containsString("not found"));
        here.postForm("/profile/sessions/" + sessionId(here) + "/end", Map.of()).then().statusCode(303);
        here.postForm("/profile/sessions/not-a-number/end", Map.of()).then().statusCode(404);
        stranger.json().get("/api/v1/me").then().statusCode(200);
        here.json().get("/api/v1/me").then().statusCode(200);

        here.postForm("/profile/sessions/" + sessionId(elsewhere) + "/end", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/profile"));
        elsewhere.json().get("/api/v1/me").then().statusCode(401);
        here.json().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aSessionUnusedForLongerThanTheIdleTimeoutEnds() throws SQLException {
        Browser browser = Browser.signedIn(data.user(), totp);
        setInstant(browser, "last_used_at", Instant.now().minus(Duration.ofMinutes(31)));
        browser.json().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void useWithinTheIdleTimeoutKeepsTheSessionAndIsWrittenAtMostOnceAMinute() throws SQLException {
        Browser browser = Browser.signedIn(data.user(), totp);
        setInstant(browser, "last_used_at", Instant.now().minus(Duration.ofMinutes(29)));
        browser.json().get("/api/v1/me").then().statusCode(200);
        Instant touched = instant(browser, "last_used_at");
        assertThat(touched).isAfter(Instant.now().minus(Duration.ofMinutes(1)));

        browser.json().get("/api/v1/me").then().statusCode(200);
        assertThat(instant(browser, "last_used_at")).as("no write for a request within the minute").isEqualTo(touched);
    }

    @Test
    void aSessionEndsAfterItsLifetimeHoweverBusy() throws SQLException {
        Browser browser = Browser.signedIn(data.user(), totp);
        setInstant(browser, "created_at", Instant.now().minus(Duration.ofHours(9)));
        setInstant(browser, "expires_at", Instant.now().minus(Duration.ofHours(1)));
        browser.json().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theSessionLivesInTheSharedDatabaseOnlySoAnyInstanceServesAndEndsIt() throws SQLException {
        Browser browser = Browser.signedIn(data.user(), totp);
        // Only the session cookie, as a request that a load balancer sends to another instance.
        Browser onlyTheCookie = Browser.anonymous();
        onlyTheCookie.cookies().put(SessionCookies.SESSION, browser.cookies().get(SessionCookies.SESSION));
        onlyTheCookie.json().get("/api/v1/me").then().statusCode(200);
        // Another instance's sign-out is a row in the database: this instance honours it at once.
        setInstant(browser, "ended_at", Instant.now());
        browser.json().get("/api/v1/me").then().statusCode(401);
        onlyTheCookie.json().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void malformedSessionCookiesAreAnonymousNotErrors() {
        for (String value : new String[]{"x", "%00%00", "A".repeat(43), "A".repeat(4000)}) {
            Browser browser = Browser.anonymous();
            browser.cookies().put(SessionCookies.SESSION, value);
            browser.json().get("/api/v1/me").then().statusCode(401);
        }
    }

    static Browser copyOf(Browser browser) {
        Browser copy = Browser.anonymous();
        copy.cookies().putAll(browser.cookies());
        return copy;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long sessionId(Browser browser) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select id from web_session where token_hash = ?")) {
            select.setString(1, tokenHash(browser));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("the session's row").isTrue();
                return row.getLong(1);
            }
        }
    }

    private void setInstant(Browser browser, String column, Instant value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update web_session set " + column + " = ? where token_hash = ?")) {
            update.setTimestamp(1, Timestamp.from(value));
            update.setString(2, tokenHash(browser));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private Instant instant(Browser browser, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + column + " from web_session where token_hash = ?")) {
            select.setString(1, tokenHash(browser));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    private static String tokenHash(Browser browser) {
        return Secrets.sha256Hex(browser.cookies().get(SessionCookies.SESSION));
    }
}
