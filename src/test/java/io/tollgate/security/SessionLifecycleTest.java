package io.tollgate.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.audit.AuditEvent;
import io.tollgate.org.GlobalRole;
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

    private static final Map<String, String> PASSWORD = Map.of("proof", TestData.PASSWORD);

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

        here.postForm("/profile/sessions/end-all", PASSWORD).then().statusCode(303).header("Location", endsWith("/signin"));

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

        here.postForm("/profile/sessions/" + sessionId(stranger) + "/end", PASSWORD).then().statusCode(404)
                .body(containsString("Session not found"));
        here.postForm("/profile/sessions/" + sessionId(here) + "/end", PASSWORD).then().statusCode(303);
        here.postForm("/profile/sessions/not-a-number/end", Map.of()).then().statusCode(404);
        stranger.json().get("/api/v1/me").then().statusCode(200);
        here.json().get("/api/v1/me").then().statusCode(200);

        here.postForm("/profile/sessions/" + sessionId(elsewhere) + "/end", PASSWORD).then().statusCode(303)
                .header("Location", endsWith("/profile"));
        elsewhere.json().get("/api/v1/me").then().statusCode(401);
        here.json().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void endingSessionsFromTheProfileAsksForThePasswordOrACode() throws SQLException {
        TestData.TestUser user = data.user();
        Browser here = Browser.signedIn(user, totp);
        Browser elsewhere = Browser.signedIn(user, totp, 1);

        here.postForm("/profile/sessions/end-all", Map.of()).then().statusCode(303).header("Location", endsWith("/profile"));
        here.get("/profile").then().statusCode(200).body(containsString("Your password or the authenticator code is not right."));
        // Four refusals in all: the fifth failure would throttle the account (test profile).
        here.postForm("/profile/sessions/" + sessionId(elsewhere) + "/end", Map.of("proof", "not my password"))
                .then().statusCode(303).header("Location", endsWith("/profile"));
        here.postForm("/profile/sessions/end-all", Map.of("proof", "000000")).then().statusCode(303);
        here.postForm("/profile/sessions/" + sessionId(elsewhere) + "/end", Map.of("proof", "x".repeat(1_000)))
                .then().statusCode(303).header("Location", endsWith("/profile"));
        here.json().get("/api/v1/me").then().statusCode(200);
        elsewhere.json().get("/api/v1/me").then().statusCode(200);

        // An authenticator code works too (forget the codes the two sign-ins used up).
        execute("update local_credential set last_totp_step = 0 where person_id = " + user.id());
        here.postForm("/profile/sessions/" + sessionId(elsewhere) + "/end", Map.of("proof", Browser.code(user, totp, 1)))
                .then().statusCode(303).header("Location", endsWith("/profile"));
        elsewhere.json().get("/api/v1/me").then().statusCode(401);
        here.json().get("/api/v1/me").then().statusCode(200);

        here.postForm("/profile/sessions/end-all", PASSWORD).then().statusCode(303).header("Location", endsWith("/signin"));
        here.json().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aSecurityAdminEndsSomeonesSessionsAndNoOneElseMay() {
        TestData.TestUser user = data.user();
        Browser here = Browser.signedIn(user, totp);
        Browser elsewhere = Browser.signedIn(user, totp, 1);
        Browser bystander = Browser.signedIn(data.user(), totp);
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);

        bystander.json().post("/api/v1/people/" + user.id() + "/sessions/end").then().statusCode(403);
        manager.postForm("/admin/people/" + user.id() + "/sessions/end", Map.of()).then().statusCode(403);
        here.json().get("/api/v1/me").then().statusCode(200);
        assertThat(audited("person.sessions-ended", user.email())).isZero();

        admin.json().post("/api/v1/people/" + user.id() + "/sessions/end").then().statusCode(204);

        here.json().get("/api/v1/me").then().statusCode(401);
        elsewhere.json().get("/api/v1/me").then().statusCode(401);
        bystander.json().get("/api/v1/me").then().statusCode(200);
        admin.json().get("/api/v1/me").then().statusCode(200);
        assertThat(audited("person.sessions-ended", user.email())).isEqualTo(1);
        admin.json().post("/api/v1/people/999999999/sessions/end").then().statusCode(404);
    }

    @Test
    void theEndSessionsButtonOnTheAdminPersonPageSignsThePersonOut() {
        TestData.TestUser user = data.user();
        Browser person = Browser.signedIn(user, totp);
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        admin.get("/admin/people/" + user.id()).then().statusCode(200).body(containsString("End sessions"));

        admin.postForm("/admin/people/" + user.id() + "/sessions/end", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/admin/people/" + user.id()));

        person.json().get("/api/v1/me").then().statusCode(401);
        assertThat(audited("person.sessions-ended", user.email())).isEqualTo(1);
    }

    @Test
    void aSecurityAdminSignsEveryoneOutThroughTheApiOrThePeoplePage() {
        Browser someone = Browser.signedIn(data.user(), totp);
        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        long before = audited("session.ended-everyone", "*");

        manager.json().post("/api/v1/people/sessions/end").then().statusCode(403);
        someone.json().get("/api/v1/me").then().statusCode(200);

        admin.json().post("/api/v1/people/sessions/end").then().statusCode(200)
                .body("sessions", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        someone.json().get("/api/v1/me").then().statusCode(401);
        manager.json().get("/api/v1/me").then().statusCode(401);
        admin.json().get("/api/v1/me").then().statusCode(401);
        assertThat(audited("session.ended-everyone", "*")).isEqualTo(before + 1);

        Browser again = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        Browser other = Browser.signedIn(data.user(), totp);
        again.get("/admin/people").then().statusCode(200).body(containsString("End everyone"));
        again.postForm("/admin/people/sessions/end", Map.of()).then().statusCode(303).header("Location", endsWith("/signin"));
        other.json().get("/api/v1/me").then().statusCode(401);
        assertThat(audited("session.ended-everyone", "*")).isEqualTo(before + 2);
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

    private static long audited(String action, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and subject = ?2", action, subject));
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
