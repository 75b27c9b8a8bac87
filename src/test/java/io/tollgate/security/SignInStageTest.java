package io.tollgate.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Each sign-in stage cookie works once, and only while the person's session epoch is the one it was issued in. */
@QuarkusTest
class SignInStageTest {

    private static final String CHOSEN = "my own long passphrase";
    private static final String ATTACKERS = "the attacker's passphrase";

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPasswordChangeStageCannotBeReplayed() {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        String email = "stage-" + TestData.unique() + "@example.test";
        String oneTime = admin.json().body(Map.of("email", email, "displayName", "Stage Person", "roles", List.of()))
                .post("/api/v1/people").then().statusCode(201).extract().path("oneTimePassword");
        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", email, "password", oneTime))
                .then().statusCode(303).header("Location", endsWith("/signin/password"));
        Browser replay = SessionLifecycleTest.copyOf(person);

        person.postForm("/signin/password", Map.of("password", CHOSEN, "confirmation", CHOSEN))
                .then().statusCode(303).header("Location", endsWith("/signin/enroll"));

        replay.get("/signin/password").then().statusCode(303).header("Location", endsWith("/signin"));
        replay.postForm("/signin/password", Map.of("password", ATTACKERS, "confirmation", ATTACKERS))
                .then().statusCode(303).header("Location", endsWith("/signin"));
        Browser.anonymous().postForm("/signin", Map.of("email", email, "password", ATTACKERS)).then().statusCode(401);
        Browser.anonymous().postForm("/signin", Map.of("email", email, "password", CHOSEN))
                .then().statusCode(303).header("Location", endsWith("/signin/enroll"));
    }

    @Test
    void aCodeStageCannotBeReplayedEvenWithAFreshCode() {
        TestData.TestUser user = data.user();
        long step = Instant.now().getEpochSecond() / 30;
        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        Browser replay = SessionLifecycleTest.copyOf(person);

        person.postForm("/signin/verify", Map.of("code", totp.codeAt(user.totpSecret(), step - 1)))
                .then().statusCode(303).header("Location", endsWith("/"));

        replay.postForm("/signin/verify", Map.of("code", totp.codeAt(user.totpSecret(), step)))
                .then().statusCode(303).header("Location", endsWith("/signin"));
        replay.json().get("/api/v1/me").then().statusCode(401);
        person.json().get("/api/v1/me").then().statusCode(200).body("person.email", equalTo(user.email()));
    }

    @Test
    void aRefusedCodeGivesAFreshCookieAndTheOldOneIsUsedUp() {
        TestData.TestUser user = data.user();
        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        Browser earlier = SessionLifecycleTest.copyOf(person);

        person.postForm("/signin/verify", Map.of("code", "000000")).then().statusCode(401).body(containsString("not right"));

        String code = totp.codeAt(user.totpSecret(), Instant.now().getEpochSecond() / 30);
        earlier.postForm("/signin/verify", Map.of("code", code)).then().statusCode(303).header("Location", endsWith("/signin"));
        person.postForm("/signin/verify", Map.of("code", code)).then().statusCode(303).header("Location", endsWith("/"));
    }

    @Test
    void raisingTheSessionEpochEndsAHalfFinishedSignIn() throws SQLException {
        TestData.TestUser user = data.user();
        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);
        person.get("/signin/verify").then().statusCode(200);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update person set session_epoch = session_epoch + 1 where id = " + user.id());
        }

        person.get("/signin/verify").then().statusCode(303).header("Location", endsWith("/signin"));
        person.postForm("/signin/verify", Map.of("code", totp.codeAt(user.totpSecret(), Instant.now().getEpochSecond() / 30)))
                .then().statusCode(303).header("Location", endsWith("/signin"));
        person.json().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void anAdminsSignInResetEndsAHalfFinishedSignIn() {
        TestData.TestUser user = data.user();
        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD)).then().statusCode(303);

        Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp).json()
                .post("/api/v1/people/" + user.id() + "/sign-in-reset").then().statusCode(200);

        person.get("/signin/verify").then().statusCode(303).header("Location", endsWith("/signin"));
    }

    @Test
    void aStageCookieOpensOnlyItsOwnStage() {
        TestData.TestUser user = data.user();
        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", user.email(), "password", TestData.PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/signin/verify"));
        person.get("/signin/enroll").then().statusCode(303).header("Location", endsWith("/signin"));
        person.postForm("/signin/password", Map.of("password", ATTACKERS, "confirmation", ATTACKERS))
                .then().statusCode(303).header("Location", endsWith("/signin"));
        // Submitting another stage does not use up this one.
        person.get("/signin/verify").then().statusCode(200);
    }
}
