package io.tollgate.security;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.ci.Signing;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SecurityEventsTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        Logger.getLogger(SecurityEvents.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger(SecurityEvents.CATEGORY).removeHandler(capture);
    }

    @Test
    void failedAndSuccessfulSignInsAreLoggedWithoutTheSecrets() {
        TestUser user = data.user();
        Browser.anonymous().from("203.0.113.21")
                .postForm("/signin", Map.of("email", user.email(), "password", "wrong password " + user.id()))
                .then().statusCode(401);
        String unknown = "nobody-" + TestData.unique() + "@example.test";
        Browser.anonymous().from("203.0.113.22").postForm("/signin", Map.of("email", unknown, "password", "guess"))
                .then().statusCode(401);
        Browser.signedIn(user, totp).from("203.0.113.23").postForm("/signout", Map.of()).then().statusCode(303);

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN event=sign-in.password outcome=failure")
                .contains("subject=person:" + user.id(), "client=203.0.113.21", "path=\"/signin\"", "wrong password\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN event=sign-in.password outcome=failure")
                .contains("subject=" + SecurityEvents.email(unknown), "client=203.0.113.22"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("INFO event=sign-in outcome=success subject=person:" + user.id()).contains("path=\"/signin/verify\""));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("INFO event=sign-out outcome=success subject=person:" + user.id()).contains("client=203.0.113.23"));
        assertThat(String.join("\n", lines)).doesNotContain(user.email(), unknown, TestData.PASSWORD, "wrong password " + user.id(),
                "guess", user.totpSecret());
    }

    @Test
    void aRefusedCsrfCheckIsLoggedWithItsReasonAndThePerson() {
        TestUser user = data.user();
        Browser browser = Browser.signedIn(user, totp).from("203.0.113.31");
        browser.requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded").post("/profile/sessions/end-all")
                .then().statusCode(403);

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN event=csrf.refused outcome=failure")
                .contains("client=203.0.113.31", "path=\"/profile/sessions/end-all\"", "Missing CSRF token"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN event=access.forbidden outcome=failure")
                .contains("path=\"/profile/sessions/end-all\""));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("sign-out.all-sessions"));
        assertThat(String.join("\n", lines)).doesNotContain(browser.cookies().get(SessionCookies.SESSION));
    }

    @Test
    void aBadWebhookSignatureIsLoggedWithoutTheSignature() {
        String team = data.team();
        String query = "team=" + team + "&environment=dev&component=acme/app";
        byte[] report = "{\"results\":[]}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Signing.githubHeaders("not-the-secret", "delivery-" + TestData.unique(), Signing.now(),
                query, report);
        Signing.send(report).header("X-Forwarded-For", "203.0.113.41").headers(headers).post(Signing.WEBHOOK + "?" + query).then().statusCode(401);

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN event=webhook.authentication outcome=failure")
                .contains("subject=team:" + team, "client=203.0.113.41", "path=\"" + Signing.WEBHOOK + "\""));
        assertThat(String.join("\n", lines)).doesNotContain(headers.get("X-Hub-Signature-256").substring(7));
    }

    @Test
    void valuesCannotBreakALine() {
        assertThat(SecurityEvents.clean("a\r\nevent=forged\u2028\"x\"")).isEqualTo("a__event=forged_'x'");
        assertThat(SecurityEvents.clean("y".repeat(500))).hasSize(200);
        assertThat(SecurityEvents.email(" Someone@Example.test")).isEqualTo(SecurityEvents.email("someone@example.test"))
                .matches("email-sha256:[0-9a-f]{16}");
    }
}
