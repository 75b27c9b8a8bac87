package io.tollgate.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.Map;

/**
 * Who may do what, as a matrix of role × endpoint. Members see only their teams (others answer 404 so that
 * names do not leak) and act on their gate; managers read everything and act on nothing (403); security admins
 * manage. Admin calls that would change shared
 * state send invalid bodies: a 400 proves the call got past authorization without changing anything.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Role { ANONYMOUS, OUTSIDER, MEMBER, LEAD, MANAGER, ADMIN }

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    private final Map<Role, Browser> browsers = new EnumMap<>(Role.class);
    private String team;
    private String account;

    /** Once per class; REST Assured learns the test port only when the first test starts. */
    @BeforeEach
    void setUp() {
        if (team != null) {
            return;
        }
        team = data.team();
        account = data.account(team, "dev");
        TestData.TestUser member = data.user();
        TestData.TestUser lead = data.user();
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
            GET    | /api/v1/teams/{team}                |                                          | 401 | 404 | 200 | 200 | 200 | 200
            GET    | /api/v1/teams/{team}/members        |                                          | 401 | 404 | 200 | 200 | 200 | 200
            GET    | /api/v1/teams/{team}/components     |                                          | 401 | 404 | 200 | 200 | 200 | 200
            POST   | /api/v1/teams                       | {"slug":"BAD SLUG","name":""}            | 401 | 403 | 403 | 403 | 403 | 400
            PUT    | /api/v1/teams/{team}                | {"slug":"BAD SLUG","name":""}            | 401 | 403 | 403 | 403 | 403 | 400
            PUT    | /api/v1/teams/{team}/members        | {"email":"nobody@example.test","role":"MEMBER"} | 401 | 403 | 403 | 403 | 403 | 400
            POST   | /api/v1/teams/{team}/components     | {"environment":"dev","repository":""}    | 401 | 404 | 403 | 400 | 403 | 400
            GET    | /api/v1/people                      |                                          | 401 | 403 | 403 | 403 | 200 | 200
            POST   | /api/v1/people                      | {"email":"not-an-email","displayName":"","roles":[]} | 401 | 403 | 403 | 403 | 403 | 400
            GET    | /api/v1/accounts/{account}          |                                          | 401 | 404 | 200 | 200 | 200 | 200
            GET    | /api/v1/accounts                    |                                          | 401 | 200 | 200 | 200 | 200 | 200
            POST   | /api/v1/accounts                    | {"accountId":"1","name":"","team":"{team}","environment":"dev"} | 401 | 403 | 403 | 403 | 403 | 400
            DELETE | /api/v1/accounts/000000000000       |                                          | 401 | 403 | 403 | 403 | 403 | 404
            GET    | /api/v1/environments                |                                          | 401 | 200 | 200 | 200 | 200 | 200
            POST   | /api/v1/environments                | {"key":"","name":"","position":-1}       | 401 | 403 | 403 | 403 | 403 | 400
            GET    | /api/v1/audit-events                |                                          | 401 | 403 | 403 | 403 | 403 | 200
            GET    | /api/v1/me                          |                                          | 401 | 200 | 200 | 200 | 200 | 200
            GET    | /api/v1/gate/evaluations?team={team} |                                         | 401 | 404 | 200 | 200 | 200 | 200
            POST   | /api/v1/gate/evaluations            | {"team":"{team}","environment":"prod","idempotencyKey":"matrix","account":"000000000000"} | 401 | 404 | 400 | 400 | 403 | 400
            POST   | /api/v1/gate/waivers                | {"team":"{team}","kind":"CONTROL","subject":"root-mfa-enabled","reason":"Matrix check of who may request waivers","expiresOn":"never"} | 401 | 404 | 400 | 400 | 403 | 400
            GET    | /teams/{team}                       |                                          | 303 | 404 | 200 | 200 | 200 | 200
            GET    | /gate/{team}/prod                   |                                          | 303 | 404 | 200 | 200 | 200 | 200
            GET    | /admin/people                       |                                          | 303 | 403 | 403 | 403 | 200 | 200
            GET    | /admin/accounts                     |                                          | 303 | 200 | 200 | 200 | 200 | 200
            GET    | /admin/audit                        |                                          | 303 | 403 | 403 | 403 | 403 | 200
            """)
    void matrix(String method, String path, String body, int anonymous, int outsider, int member, int lead,
                int manager, int admin) {
        Map<Role, Integer> expected = Map.of(Role.ANONYMOUS, anonymous, Role.OUTSIDER, outsider, Role.MEMBER, member,
                Role.LEAD, lead, Role.MANAGER, manager, Role.ADMIN, admin);
        String url = path.replace("{team}", team).replace("{account}", account);
        for (Role role : Role.values()) {
            RequestSpecification request = url.startsWith("/api/") ? browsers.get(role).json() : browsers.get(role).request();
            if (body != null) {
                request.body(body.replace("{team}", team));
            }
            request.request(method, url).then()
                    .statusCode(org.hamcrest.Matchers.describedAs(role + " " + method + " " + url + " answers %0",
                            org.hamcrest.Matchers.equalTo(expected.get(role)), expected.get(role)));
        }
    }
}
