package io.tollgate.ci.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tollgate.ci.Signing;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.web.PublicUrl;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The team's CI page without JavaScript: show-once credentials, revocation, deliveries and filled-in snippets. */
@QuarkusTest
class CiPagesTest {

    private static final Pattern ISSUED = Pattern.compile("id=\"issued-value\">([^<]+)<");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void aLeadCreatesCredentialsSeesThemOnceAndFollowsTheDeliveries() {
        String team = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        Browser lead = Browser.signedIn(leadUser, totp);
        String page = "/teams/" + team + "/ci";

        assertThat(lead.get("/teams/" + team).then().statusCode(200).extract().asString()).contains("href=\"" + page + "\"");
        String empty = lead.get(page).then().statusCode(200).extract().asString();
        assertThat(empty).contains("No API token yet").contains("No signing secret yet").contains("No delivery yet")
                .contains("export TOLLGATE_TEAM=" + team).contains("TOLLGATE_URL=" + PublicUrl.PLACEHOLDER)
                .contains("${{ secrets.TOLLGATE_SECRET }}").contains("value=\"scans:upload\" checked")
                .contains("href=\"/ci/tollgate-upload.sh\"");
        RestAssured.get("/ci/tollgate-upload.sh").then().statusCode(200).body(containsString("openssl"));

        String issuedToken = lead.requestWithoutCsrfToken().contentType("application/x-www-form-urlencoded").formParam("csrf", lead.csrfToken())
                .formParam("name", "deploy").formParam("scopes", "scans:upload").formParam("scopes", "gate:evaluate")
                .formParam("expiresInDays", "30").post(page + "/tokens").then().statusCode(201).extract().asString();
        String token = value(issuedToken);
        assertThat(token).startsWith("tgt_");
        String secret = value(lead.postForm(page + "/secrets", Map.of("name", "signing", "previousValidHours", ""))
                .then().statusCode(201).extract().asString());
        assertThat(secret).startsWith("whsec_");

        byte[] report = SemgrepReports.report(List.of()).getBytes(StandardCharsets.UTF_8);
        String query = "team=" + team + "&environment=dev&component=acme/web";
        Signing.github(secret, "page-1", Signing.now(), query, report).post(Signing.WEBHOOK + "?" + query).then().statusCode(200);

        String listed = lead.get(page).then().statusCode(200).extract().asString();
        assertThat(listed).contains("deploy").contains(token.substring(0, 8) + "…").doesNotContain(token)
                .contains("signing").doesNotContain(secret).contains("page-1").contains("passed")
                .contains("acme/web");

        assertThat(lead.postForm(page + "/tokens", Map.of("name", "", "expiresInDays", "30")).then().statusCode(400)
                .extract().asString()).contains("Nothing was saved").contains("scopes")
                .doesNotContain("value=\"scans:upload\" checked").doesNotContain("value=\"gate:evaluate\" checked");
        assertThat(lead.postForm(page + "/secrets", Map.of("name", "x", "previousValidHours", "soon")).then().statusCode(400)
                .extract().asString()).contains("whole number");

        Matcher revoke = Pattern.compile("action=\"(" + Pattern.quote(page) + "/tokens/\\d+/revoke)\"").matcher(listed);
        assertThat(revoke.find()).isTrue();
        lead.postForm(revoke.group(1), Map.of()).then().statusCode(303);
        assertThat(lead.get(page).then().extract().asString()).contains("Token deploy revoked.").contains("REVOKED");
    }

    @Test
    void membersReadThePageButOnlyLeadsChangeIt() {
        String team = data.team();
        TestData.TestUser memberUser = data.user();
        data.member(team, memberUser, TeamRole.MEMBER);
        Browser member = Browser.signedIn(memberUser, totp);
        String page = member.get("/teams/" + team + "/ci").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("Create an API token").doesNotContain("Create or rotate");
        member.postForm("/teams/" + team + "/ci/secrets", Map.of("name", "mine")).then().statusCode(403);
        Browser.signedIn(data.user(), totp).get("/teams/" + team + "/ci").then().statusCode(404);
    }

    private static String value(String page) {
        Matcher matcher = ISSUED.matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }
}
