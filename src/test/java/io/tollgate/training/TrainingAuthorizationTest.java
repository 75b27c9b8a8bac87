package io.tollgate.training;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.Map;

import static org.hamcrest.Matchers.describedAs;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who sees whose training, as a matrix of role × endpoint: a learner only their own progress, a lead their team's,
 * managers and security admins everyone's. Lessons and curricula are open to everyone signed in. Assignment calls
 * send an invalid body: a 400 proves the call got past authorization without changing anything.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingAuthorizationTest {

    enum Role { ANONYMOUS, OUTSIDER, MEMBER, LEAD, MANAGER, ADMIN }

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    private final Map<Role, Browser> browsers = new EnumMap<>(Role.class);
    private String team;
    private TestData.TestUser member;
    private TestData.TestUser lead;

    /** Once per class; REST Assured learns the test port only when the first test starts. */
    @BeforeEach
    void setUp() {
        if (team != null) {
            return;
        }
        team = data.team();
        member = data.user();
        lead = data.user();
        data.member(team, member, TeamRole.MEMBER);
        data.member(team, lead, TeamRole.LEAD);
        browsers.put(Role.ANONYMOUS, Browser.anonymous());
        browsers.put(Role.OUTSIDER, Browser.signedIn(data.user(), totp));
        browsers.put(Role.MEMBER, Browser.signedIn(member, totp));
        browsers.put(Role.LEAD, Browser.signedIn(lead, totp));
        browsers.put(Role.MANAGER, Browser.signedIn(data.user(GlobalRole.MANAGER), totp));
        browsers.put(Role.ADMIN, Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp));
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {3}, outsider {4}, member {5}, lead {6}, manager {7}, admin {8}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/v1/lessons                            |                                    | 401 | 200 | 200 | 200 | 200 | 200
            GET  | /api/v1/lessons/a05-injection              |                                    | 401 | 200 | 200 | 200 | 200 | 200
            GET  | /api/v1/curricula                          |                                    | 401 | 200 | 200 | 200 | 200 | 200
            GET  | /api/v1/progress/me                        |                                    | 401 | 200 | 200 | 200 | 200 | 200
            GET  | /api/v1/progress/people/{member}           |                                    | 401 | 404 | 200 | 200 | 200 | 200
            GET  | /api/v1/progress/people/{lead}             |                                    | 401 | 404 | 404 | 200 | 200 | 200
            GET  | /api/v1/progress/teams                     |                                    | 401 | 403 | 403 | 200 | 200 | 200
            GET  | /api/v1/progress/teams/{team}              |                                    | 401 | 404 | 403 | 200 | 200 | 200
            GET  | /api/v1/progress/teams/{team}/export       |                                    | 401 | 404 | 403 | 200 | 200 | 200
            GET  | /api/v1/progress/overdue                   |                                    | 401 | 403 | 403 | 200 | 200 | 200
            GET  | /api/v1/assignments?team={team}            |                                    | 401 | 404 | 200 | 200 | 200 | 200
            POST | /api/v1/assignments                        | {"lesson":"nope","team":"{team}"}  | 401 | 403 | 403 | 400 | 400 | 400
            GET  | /lessons/a05-injection                     |                                    | 303 | 200 | 200 | 200 | 200 | 200
            GET  | /training                                  |                                    | 303 | 403 | 403 | 200 | 200 | 200
            GET  | /training/teams/{team}                     |                                    | 303 | 404 | 403 | 200 | 200 | 200
            GET  | /training/people/{member}                  |                                    | 303 | 404 | 200 | 200 | 200 | 200
            GET  | /training/overdue                          |                                    | 303 | 403 | 403 | 200 | 200 | 200
            """)
    void matrix(String method, String path, String body, int anonymous, int outsider, int memberStatus, int leadStatus,
                int manager, int admin) {
        Map<Role, Integer> expected = Map.of(Role.ANONYMOUS, anonymous, Role.OUTSIDER, outsider, Role.MEMBER, memberStatus,
                Role.LEAD, leadStatus, Role.MANAGER, manager, Role.ADMIN, admin);
        String url = path.replace("{team}", team).replace("{member}", String.valueOf(member.id()))
                .replace("{lead}", String.valueOf(lead.id()));
        for (Role role : Role.values()) {
            boolean json = url.startsWith("/api/") && !url.endsWith("/export");
            RequestSpecification request = json ? browsers.get(role).json() : browsers.get(role).request();
            if (body != null) {
                request.body(body.replace("{team}", team));
            }
            request.request(method, url).then().statusCode(describedAs(role + " " + method + " " + url + " answers %0",
                    equalTo(expected.get(role)), expected.get(role)));
        }
    }
}
