package io.tollgate.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuditLogTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void membershipRoleAndAccountChangesAreRecordedWithBeforeAndAfter() {
        TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        Browser admin = Browser.signedIn(adminUser, totp);
        String team = data.team();
        TestData.TestUser person = data.user();
        admin.json().body(Map.of("email", person.email(), "role", "MEMBER")).put("/api/v1/teams/" + team + "/members").then().statusCode(200);
        admin.json().body(Map.of("email", person.email(), "role", "LEAD")).put("/api/v1/teams/" + team + "/members").then().statusCode(200);
        admin.json().body(Map.of("roles", java.util.List.of("MANAGER"))).patch("/api/v1/people/" + person.id()).then().statusCode(200);

        admin.json().get("/api/v1/audit-events?subjectType=team&actor=" + adminUser.email()).then().statusCode(200)
                .body("items.action", hasItems("team.member-added", "team.member-role-changed"))
                .body("items.find { it.action == 'team.member-role-changed' }.before", containsString("\"role\":\"MEMBER\""))
                .body("items.find { it.action == 'team.member-role-changed' }.after", containsString("\"role\":\"LEAD\""))
                .body("items.find { it.action == 'team.member-added' }.before", nullValue());
        admin.json().get("/api/v1/audit-events?subjectType=person&action=person.updated&actor=" + adminUser.email())
                .then().body("total", equalTo(1))
                .body("items[0].before", containsString("\"roles\":[\"LEARNER\"]"))
                .body("items[0].after", containsString("MANAGER"));
    }

    @Test
    void aRefusedChangeLeavesNoAuditEntry() {
        TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        Browser admin = Browser.signedIn(adminUser, totp);
        String team = data.team();
        String id = data.account(team, "dev");
        admin.json().body(Map.of("accountId", id, "name", "Dup", "team", team, "environment", "prod"))
                .post("/api/v1/accounts").then().statusCode(409);
        admin.json().get("/api/v1/audit-events?actor=" + adminUser.email()).then().body("total", equalTo(0));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRows() throws SQLException {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        admin.json().body(Map.of("slug", "audited-" + TestData.unique(), "name", "Audited")).post("/api/v1/teams").then().statusCode(201);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set actor = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event"))
                    .hasMessageContaining("append-only");
            try (var rows = statement.executeQuery("select count(*) from audit_event")) {
                rows.next();
                assertThat(rows.getLong(1)).isPositive();
            }
        }
    }

    @Test
    void everyCommittedEventIsAlsoOneJsonLogLineWithoutSecrets() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger category = Logger.getLogger("io.tollgate.audit");
        category.addHandler(capture);
        try {
            TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
            Browser admin = Browser.signedIn(adminUser, totp);
            String slug = "logged-" + TestData.unique();
            admin.json().body(Map.of("slug", slug, "name", "Logged")).post("/api/v1/teams").then().statusCode(201);
            admin.json().body(Map.of("slug", slug, "name", "Again")).post("/api/v1/teams").then().statusCode(409);
            TestData.TestUser person = data.user();
            String oneTimePassword = admin.json().post("/api/v1/people/" + person.id() + "/sign-in-reset")
                    .then().statusCode(200).extract().path("oneTimePassword");

            List<Map<String, Object>> events = new java.util.ArrayList<>();
            for (String line : lines) {
                assertThat(line).doesNotContain("\n").doesNotContain(oneTimePassword);
                events.add(new com.fasterxml.jackson.databind.ObjectMapper().readValue(line,
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                        }));
            }
            assertThat(events).filteredOn(e -> slug.equals(e.get("subject"))).singleElement()
                    .satisfies(e -> {
                        assertThat(e).containsEntry("action", "team.created").containsEntry("actor", adminUser.email())
                                .containsKey("occurredAt");
                        assertThat(((Number) e.get("actorId")).longValue()).isEqualTo(adminUser.id());
                        assertThat(e.get("after")).asString().contains("Logged");
                    });
            assertThat(events).filteredOn(e -> person.email().equals(e.get("subject")))
                    .extracting(e -> e.get("action")).containsExactly("person.password-reset");
        } finally {
            category.removeHandler(capture);
        }
    }
}
