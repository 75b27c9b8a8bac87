package io.tollgate.org.web;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** The admin pages as a browser without JavaScript uses them: plain forms, inline errors, flash messages. */
@QuarkusTest
class AdminPagesTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
    }

    @Test
    void addingAPersonShowsTheirOneTimePasswordOnce() {
        String email = "page-" + TestData.unique() + "@example.test";
        admin.postForm("/admin/people", Map.of("email", email, "displayName", "Page Person", "manager", "true"))
                .then().statusCode(201)
                .body(containsString("Page Person was added."))
                .body(matchesPattern("(?s).*id=\"one-time-password\">[a-z2-9]{5}(-[a-z2-9]{5}){5}<.*"));
        admin.get("/admin/people?q=" + email).then().statusCode(200)
                .body(containsString(email)).body(containsString("Manager")).body(not(containsString("one-time-password")));
    }

    @Test
    void aRefusedPersonFormKeepsTheValuesAndMarksTheField() {
        admin.postForm("/admin/people", Map.of("email", "not-an-email", "displayName", "Kept Name"))
                .then().statusCode(400)
                .body(containsString("Nothing was saved"))
                .body(containsString("id=\"email-error\""))
                .body(containsString("value=\"Kept Name\""));
    }

    @Test
    void aDuplicateAccountOnTheAccountsPageIsExplainedInline() {
        String team = data.team();
        String id = data.account(team, "dev");
        admin.postForm("/admin/accounts", Map.of("accountId", id, "name", "Again", "team", team, "environment", "prod"))
                .then().statusCode(409)
                .body(containsString("id=\"accountId-error\""))
                .body(containsString("already bound to team"));
    }

    @Test
    void changingRolesOnThePersonPageRedirectsWithAFlash() {
        TestData.TestUser person = data.user();
        admin.postForm("/admin/people/" + person.id(), Map.of("displayName", "Renamed Person", "manager", "true", "active", "true"))
                .then().statusCode(303).header("Location", endsWith("/admin/people/" + person.id()));
        admin.get("/admin/people/" + person.id()).then().statusCode(200)
                .body(containsString("Renamed Person saved."))
                .body(containsString("name=\"manager\" value=\"true\" checked"));
    }

    @Test
    void theAuditPageShowsChangesNewestFirst() {
        String team = data.team();
        TestData.TestUser person = data.user();
        admin.postForm("/teams/" + team + "/members", Map.of("email", person.email(), "role", "MEMBER")).then().statusCode(303);
        admin.get("/admin/audit?subjectType=team").then().statusCode(200)
                .body(containsString("team.member-added")).body(containsString(person.email()));
    }

    @Test
    void aNewEnvironmentNeedsAFreePosition() {
        admin.postForm("/admin/environments", Map.of("key", "qa-" + TestData.unique(), "name", "QA", "position", "10"))
                .then().statusCode(409).body(containsString("position 10 is taken by"));
        admin.postForm("/admin/environments", Map.of("key", "qa", "name", "QA", "position", "ten"))
                .then().statusCode(400).body(containsString("must be a whole number"));
    }

    @Test
    void anEmptyTeamShowsWhatToDoNext() {
        String team = data.team();
        admin.get("/teams/" + team).then().statusCode(200)
                .body(containsString("No members yet. Add the first one below."))
                .body(containsString("No AWS account."));
    }

    @Test
    void unknownPagesAnswer404WithAPage() {
        admin.get("/teams/no-such-team-" + TestData.unique()).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Team not found"));
    }
}
