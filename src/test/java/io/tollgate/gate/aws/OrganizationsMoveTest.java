package io.tollgate.gate.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Confirming a promotion moves the AWS account into the production OU through AWS Organizations, here a WireMock
 * stub that speaks its JSON 1.1 protocol; when AWS refuses, nothing moves in Tollgate and the error is shown.
 */
@QuarkusTest
@TestProfile(OrganizationsStub.Profile.class)
class OrganizationsMoveTest {

    private static final String TARGET = "AWSOrganizationsV20161128.";
    private static final String UAT_OU = "ou-uat-22222222";

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    String team;
    String account;
    Browser lead;
    TestData.TestUser adminUser;
    Browser admin;

    @BeforeEach
    void setUp() {
        OrganizationsStub.server.resetAll();
        team = data.team();
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        lead = Browser.signedIn(user, totp);
        adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        admin = Browser.signedIn(adminUser, totp);
        account = data.account(team, "uat");
    }

    @Test
    void confirmingMovesTheAccountFromItsParentIntoTheProductionOu() {
        stub(operation("ListParents"), 200, "{\"Parents\":[{\"Id\":\"" + UAT_OU + "\",\"Type\":\"ORGANIZATIONAL_UNIT\"}]}");
        stub(operation("MoveAccount"), 200, "{}");
        int id = passingRequest();

        admin.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(200)
                .body("state", is("PROMOTED")).body("moveError", nullValue());

        assertEquals(List.of("{\"ChildId\":\"" + account + "\"}"), bodies("ListParents"));
        assertEquals(List.of("{\"AccountId\":\"" + account + "\",\"SourceParentId\":\"" + UAT_OU
                + "\",\"DestinationParentId\":\"" + OrganizationsStub.PRODUCTION_OU + "\"}"), bodies("MoveAccount"));
        admin.json().get("/api/v1/accounts/" + account).then().statusCode(200)
                .body("environment", is("prod"));
    }

    @Test
    void whenAwsRefusesTheAccountStaysTheErrorIsShownAndAConfirmationRetries() {
        stub(operation("ListParents"), 200, "{\"Parents\":[{\"Id\":\"" + UAT_OU + "\",\"Type\":\"ORGANIZATIONAL_UNIT\"}]}");
        stub(operation("MoveAccount"), 400, "{\"__type\":\"AccessDeniedException\","
                + "\"Message\":\"You don't have permissions to access this resource.\"}");
        int id = passingRequest();

        admin.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(502)
                .body("errors[0].field", is("organizations"))
                .body("detail", containsString("AccessDeniedException"));
        admin.json().get("/api/v1/accounts/" + account).then().body("environment", is("uat"));
        lead.json().get("/api/v1/gate/promotions/" + id).then().statusCode(200)
                .body("state", is("AWAITING_CONFIRMATION"))
                .body("moveError", containsString("AccessDeniedException: You don't have permissions"));
        lead.get("/gate/" + team + "/prod").then().statusCode(200)
                .body(containsString("Not moved in AWS Organizations"))
                .body(containsString("You don&#39;t have permissions to access this resource."));
        admin.json().get("/api/v1/audit-events?action=gate.promotion-move-failed&actor=" + adminUser.email())
                .then().body("total", is(1));

        stub(operation("MoveAccount"), 200, "{}");
        admin.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(200)
                .body("state", is("PROMOTED")).body("moveError", nullValue());
        admin.json().get("/api/v1/accounts/" + account).then().body("environment", is("prod"));
        assertEquals(2, bodies("MoveAccount").size());
    }

    @Test
    void anAccountAlreadyInTheProductionOuIsNotMovedAgain() {
        stub(operation("ListParents"), 200, "{\"Parents\":[{\"Id\":\"" + OrganizationsStub.PRODUCTION_OU
                + "\",\"Type\":\"ORGANIZATIONAL_UNIT\"}]}");
        int id = passingRequest();

        admin.json().post("/api/v1/gate/promotions/" + id + "/confirm").then().statusCode(200)
                .body("state", is("PROMOTED"));
        assertEquals(List.of(), bodies("MoveAccount"));
    }

    /** A promotion request whose failed decision a security admin passed by break-glass. */
    private int passingRequest() {
        int id = lead.json().body(Map.of("account", account)).post("/api/v1/gate/promotions").then().statusCode(201)
                .extract().path("id");
        int evaluation = lead.json().get("/api/v1/gate/promotions/" + id).then().extract().path("evaluation");
        admin.json().body(Map.of("reason", "Launch approved by the CISO, fixes tracked in SEC-77"))
                .post("/api/v1/gate/evaluations/" + evaluation + "/break-glass").then().statusCode(200);
        return id;
    }

    private static MappingBuilder operation(String name) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + name))
                .withHeader("Authorization", WireMock.containing("AWS4-HMAC-SHA256"))
                .withRequestBody(matchingJsonPath("$"));
    }

    private static void stub(MappingBuilder mapping, int status, String body) {
        OrganizationsStub.server.stubFor(mapping.willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    private static List<String> bodies(String operation) {
        return OrganizationsStub.server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + operation))).stream().map(LoggedRequest::getBodyAsString).toList();
    }
}
