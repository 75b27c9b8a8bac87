package io.tollgate.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.audit.AuditLog;
import io.tollgate.org.GlobalRole;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * The first security admin gets a one-time password that must be changed and an authenticator that must be enrolled;
 * with a configured database that password goes to a file only the process owner reads, never to the log; with a
 * configured password none is made. Run against an admin who has not signed in yet, as at a first start.
 */
@QuarkusTest
class FirstAdminTest {

    @Inject
    SecurityConfig config;

    @Inject
    LocalCredentials credentials;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    OneTimePasswordNotice notice;

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void withoutAConfiguredPasswordTheAdminGetsAOneTimePasswordInAPrivateFileAndMustEnrol() throws Exception {
        String email = newAdminWhoHasNotSignedIn().email;
        List<String> log = new CopyOnWriteArrayList<>();
        withLog(log, () -> start(email, Optional.empty()));

        Path file = config.admin().oneTimePasswordFile().orElseThrow().toAbsolutePath();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Matcher issued = Pattern.compile("Sign in as " + Pattern.quote(email) + " with the one-time password (\\S+)")
                .matcher(Files.readString(file));
        assertThat(issued.find()).as("the file holds the admin's one-time password").isTrue();
        String password = issued.group(1);
        assertThat(String.join("\n", log)).contains(file.toString()).doesNotContain(password);

        Browser admin = Browser.anonymous();
        admin.postForm("/signin", Map.of("email", email, "password", password))
                .then().statusCode(303).header("Location", endsWith("/signin/password"));
        admin.postForm("/signin/password", Map.of("password", "the admin's own passphrase", "confirmation", "the admin's own passphrase"))
                .then().statusCode(303).header("Location", endsWith("/signin/enroll"));
        admin.get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void withAConfiguredPasswordNoOneTimePasswordIsMadeOrPrinted() throws Exception {
        NewAdmin invited = newAdminWhoHasNotSignedIn();
        List<String> log = new CopyOnWriteArrayList<>();
        withLog(log, () -> start(invited.email, Optional.of("a configured first-admin passphrase")));

        assertThat(String.join("\n", log)).doesNotContain("one-time password").contains(invited.email);
        // The password the admin already has still works: nothing new was issued.
        Browser.anonymous().postForm("/signin", Map.of("email", invited.email, "password", invited.oneTimePassword))
                .then().statusCode(303).header("Location", endsWith("/signin/password"));
    }

    private record NewAdmin(String email, String oneTimePassword) {
    }

    /** A security admin added by another admin, holding only the one-time password they were given. */
    private NewAdmin newAdminWhoHasNotSignedIn() {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        String email = "first-" + TestData.unique() + "@example.test";
        String password = admin.json().body(Map.of("email", email, "displayName", "First", "roles", List.of("SECURITY_ADMIN")))
                .post("/api/v1/people").then().statusCode(201).extract().path("oneTimePassword");
        return new NewAdmin(email, password);
    }

    /** What a start does, with the first admin's settings replaced. */
    private void start(String email, Optional<String> password) {
        SecurityConfig.FirstAdmin admin = (SecurityConfig.FirstAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SecurityConfig.FirstAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "email" -> email;
                    case "password" -> password;
                    default -> method.invoke(config.admin(), args);
                });
        SecurityConfig settings = (SecurityConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SecurityConfig.class},
                (proxy, method, args) -> method.getName().equals("admin") ? admin : method.invoke(config, args));
        FirstAdmin firstAdmin = new FirstAdmin(settings, credentials, audit, clock, notice);
        QuarkusTransaction.requiringNew().run(() -> firstAdmin.onStart(null));
    }

    private static void withLog(List<String> lines, Runnable action) {
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger security = Logger.getLogger("io.tollgate.security");
        security.addHandler(capture);
        try {
            action.run();
        } finally {
            security.removeHandler(capture);
        }
    }
}
