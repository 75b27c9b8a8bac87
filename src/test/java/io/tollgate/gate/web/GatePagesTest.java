package io.tollgate.gate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate page without JavaScript: who sees what, and a form that asks the gate. */
@QuarkusTest
class GatePagesTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void membersAskTheGateAndOnlySecurityAdminsSeeThePolicy() {
        String team = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        Browser lead = Browser.signedIn(leadUser, totp);
        String page = "/gate/" + team + "/prod";

        assertThat(lead.get(page).then().statusCode(200).extract().asString())
                .contains("has not been asked about Production yet").doesNotContain("Active policy");
        lead.postForm(page + "/evaluate", Map.of()).then().statusCode(303);
        assertThat(lead.get(page).then().statusCode(200).extract().asString())
                .contains("id=\"verdict\">FAIL").contains("open:CRITICAL = 0").contains("no data");

        assertThat(Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp).get(page).then().statusCode(200)
                .extract().asString()).contains("Active policy").contains("default.txt:8");
        Browser.signedIn(data.user(), totp).get(page).then().statusCode(404);
    }

    @Test
    void aRefusedWaiverRequestComesBackAsAnErrorMessage() {
        String team = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        Browser lead = Browser.signedIn(leadUser, totp);
        lead.postForm("/gate/" + team + "/prod/waivers", Map.of("kind", "CONTROL", "subject", "root-mfa-enabled",
                "reason", "short", "expiresOn", "")).then().statusCode(303);
        assertThat(lead.get("/gate/" + team + "/prod").then().extract().asString()).contains("flash-error").contains("expiresOn");
    }
}
