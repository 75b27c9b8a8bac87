package io.tollgate.org;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import io.tollgate.security.TotpAuthenticator;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TeamApiTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    Browser admin;

    @BeforeEach
    void signInAdmin() {
        admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
    }

    @Test
    void createAnswers201WithLocationAndTheTeam() {
        String slug = "payments-" + TestData.unique();
        admin.json().body(Map.of("slug", slug, "name", "Payments", "description", "Card flows"))
                .post("/api/v1/teams")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/teams/" + slug))
                .body("slug", equalTo(slug)).body("name", equalTo("Payments"));
        admin.json().get("/api/v1/teams/" + slug).then().statusCode(200).body("description", equalTo("Card flows"));
    }

    @Test
    void invalidFieldsAreNamedInAProblemDocumentAndNothingIsCreated() {
        String tooLong = "x".repeat(121);
        admin.json().body(Map.of("slug", "Bad Slug!", "name", tooLong))
                .post("/api/v1/teams")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("slug"))
                .body("errors.field", hasItem("name"));
        admin.json().get("/api/v1/teams/Bad Slug!").then().statusCode(404);
    }

    @Test
    void malformedJsonSaysWhere() {
        admin.json().body("{\"slug\": \"x\", \"name\": }").post("/api/v1/teams")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 1"));
    }

    @Test
    void aMissingBodyIsRefused() {
        admin.json().post("/api/v1/teams").then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void duplicateSlugIsAConflict() {
        String slug = data.team();
        admin.json().body(Map.of("slug", slug, "name", "Again")).post("/api/v1/teams")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"))
                .body("detail", containsString("already exists"));
    }

    @Test
    void unknownTeamIs404() {
        admin.json().get("/api/v1/teams/no-such-team-" + TestData.unique())
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Not found"));
    }

    @Test
    void listIsPaginated() {
        for (int i = 0; i < 3; i++) {
            data.team();
        }
        admin.json().get("/api/v1/teams?page=0&size=2").then().statusCode(200)
                .body("items", hasSize(2)).body("size", equalTo(2)).body("page", equalTo(0));
        admin.json().get("/api/v1/teams?size=500").then().statusCode(400).body("errors[0].field", equalTo("size"));
        admin.json().get("/api/v1/teams?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void membersAreAddedPromotedAndRemoved() {
        String slug = data.team();
        TestUser person = data.user();
        admin.json().body(Map.of("email", person.email(), "role", "MEMBER")).put("/api/v1/teams/" + slug + "/members")
                .then().statusCode(200).body("role", equalTo("MEMBER"));
        admin.json().body(Map.of("email", person.email().toUpperCase(), "role", "LEAD")).put("/api/v1/teams/" + slug + "/members")
                .then().statusCode(200).body("role", equalTo("LEAD"));
        admin.json().get("/api/v1/teams/" + slug + "/members").then().statusCode(200)
                .body("email", hasItem(person.email())).body("role", hasItem("LEAD"));
        admin.json().delete("/api/v1/teams/" + slug + "/members/" + person.id()).then().statusCode(204);
        admin.json().get("/api/v1/teams/" + slug + "/members").then().body("email", not(hasItem(person.email())));
    }

    @Test
    void addingAnUnknownPersonOrRoleIsRefused() {
        String slug = data.team();
        admin.json().body(Map.of("email", "ghost-" + TestData.unique() + "@example.test", "role", "MEMBER"))
                .put("/api/v1/teams/" + slug + "/members")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        TestUser person = data.user();
        admin.json().body(Map.of("email", person.email(), "role", "OWNER"))
                .put("/api/v1/teams/" + slug + "/members")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void repositoryComponentsAreAddedOncePerEnvironment() {
        String slug = data.team();
        admin.json().body(Map.of("environment", "dev", "repository", "github.com/acme/orders"))
                .post("/api/v1/teams/" + slug + "/components")
                .then().statusCode(201).body("key", equalTo("repo:github.com/acme/orders")).body("kind", equalTo("REPOSITORY"));
        admin.json().body(Map.of("environment", "dev", "repository", "github.com/acme/orders"))
                .post("/api/v1/teams/" + slug + "/components").then().statusCode(409);
        admin.json().body(Map.of("environment", "nowhere", "repository", "github.com/acme/orders"))
                .post("/api/v1/teams/" + slug + "/components").then().statusCode(400).body("errors[0].field", equalTo("environment"));
    }
}
