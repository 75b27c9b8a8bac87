package io.tollgate.training.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Assigning curricula and lessons, what joiners receive, and who may assign what. */
@QuarkusTest
class AssignmentApiTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    String team;
    TestUser lead;
    TestUser member;
    Browser leader;
    LocalDate today;

    @BeforeEach
    void setUp() {
        team = data.team();
        lead = data.user();
        member = data.user();
        data.member(team, lead, TeamRole.LEAD);
        data.member(team, member, TeamRole.MEMBER);
        leader = Browser.signedIn(lead, totp);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aLeadAssignsACurriculumToTheTeamAndMembersSeeIt() {
        String location = leader.json().body(Map.of("curriculum", "team-lead", "team", team,
                        "dueOn", today.plusDays(10).toString(), "mandatory", true))
                .post("/api/v1/assignments").then().statusCode(201)
                .header("Location", containsString("/api/v1/assignments/"))
                .body("curriculum", equalTo("team-lead")).body("team", equalTo(team))
                .body("dueOn", equalTo(today.plusDays(10).toString())).body("mandatory", equalTo(true))
                .body("assignedBy", equalTo(lead.email()))
                .extract().header("Location");
        leader.json().get(location).then().statusCode(200).body("curriculum", equalTo("team-lead"));

        Browser learner = Browser.signedIn(member, totp);
        learner.json().get(location).then().statusCode(200);
        learner.json().get("/api/v1/progress/me").then().statusCode(200)
                .body("items.id", hasItem("team-lead"))
                .body("items.find { it.id == 'team-lead' }.reasons", hasItem("assigned to team " + "Team " + team))
                .body("items.find { it.id == 'team-lead' }.status", equalTo("OPEN"))
                .body("items.find { it.id == 'onboarding' }.mandatory", equalTo(true));
        learner.json().get("/api/v1/assignments").then().statusCode(200).body("items.curriculum", hasItem("team-lead"));
    }

    @Test
    void invalidAssignmentsNameTheirFieldsAndChangeNothing() {
        leader.json().body(Map.of("curriculum", "team-lead", "lesson", "a05-injection", "dueOn", today.minusDays(1).toString()))
                .post("/api/v1/assignments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("curriculum", "team", "dueOn")));
        leader.json().body(Map.of("curriculum", "no-such-curriculum", "person", "ghost@example.test"))
                .post("/api/v1/assignments").then().statusCode(400)
                .body("errors.field", equalTo(List.of("curriculum", "person")));
        leader.json().body(Map.of("lesson", "a05-injection", "team", team, "dueOn", "soon"))
                .post("/api/v1/assignments").then().statusCode(400).body("errors[0].field", equalTo("/dueOn"));
        leader.json().body(Map.of("lesson", "a05-injection", "team", team, "dueOn", today.plusYears(3).toString()))
                .post("/api/v1/assignments").then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        leader.json().post("/api/v1/assignments").then().statusCode(400).body("errors[0].field", equalTo("body"));
        leader.json().get("/api/v1/assignments?team=" + team).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSameItemTwiceToTheSameTargetIsAConflict() {
        Map<String, Object> body = Map.of("lesson", "a05-injection", "person", member.email());
        leader.json().body(body).post("/api/v1/assignments").then().statusCode(201)
                .body("mandatory", equalTo(false)).body("dueOn", equalTo(today.plusDays(14).toString()));
        leader.json().body(body).post("/api/v1/assignments").then().statusCode(409)
                .body("errors[0].field", equalTo("lesson")).body("detail", containsString("already assigned"));
    }

    @Test
    void leadsAssignOnlyWithinTheirTeamsAndLearnersNotAtAll() {
        String otherTeam = data.team();
        TestUser stranger = data.user();
        data.member(otherTeam, stranger, TeamRole.MEMBER);
        leader.json().body(Map.of("lesson", "a05-injection", "team", otherTeam)).post("/api/v1/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("team"));
        leader.json().body(Map.of("lesson", "a05-injection", "person", stranger.email())).post("/api/v1/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("person"));

        Browser learner = Browser.signedIn(member, totp);
        learner.json().body(Map.of("lesson", "a05-injection", "team", team)).post("/api/v1/assignments")
                .then().statusCode(403).contentType("application/problem+json");

        TestUser memberLeadingElsewhere = data.user();
        data.member(otherTeam, memberLeadingElsewhere, TeamRole.LEAD);
        data.member(team, memberLeadingElsewhere, TeamRole.MEMBER);
        Browser otherLead = Browser.signedIn(memberLeadingElsewhere, totp);
        otherLead.json().body(Map.of("lesson", "a05-injection", "team", team)).post("/api/v1/assignments")
                .then().statusCode(403);
    }

    @Test
    void aManagerAssignsToAnyoneWithTheCurriculumsDueDaysByDefault() {
        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);
        manager.json().body(Map.of("curriculum", "team-lead", "person", lead.email(), "mandatory", true))
                .post("/api/v1/assignments").then().statusCode(201)
                .body("personId", equalTo((int) lead.id())).body("dueOn", equalTo(today.plusDays(30).toString()));
        leader.json().get("/api/v1/progress/me").then().body("items.find { it.id == 'team-lead' }.mandatory", equalTo(true));
    }

    @Test
    void aJoinerReceivesTheTeamsMandatoryAssignmentsAndTheRequiredCurriculum() {
        leader.json().body(Map.of("lesson", "a06-insecure-design", "team", team, "dueOn", today.plusDays(10).toString(),
                "mandatory", true)).post("/api/v1/assignments").then().statusCode(201);
        int optional = leader.json().body(Map.of("lesson", "a03-software-supply-chain-failures", "team", team,
                        "dueOn", today.plusDays(10).toString(), "mandatory", false))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("id");

        TestUser joiner = data.user();
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        admin.json().body(Map.of("email", joiner.email(), "role", "MEMBER")).put("/api/v1/teams/" + team + "/members")
                .then().statusCode(200);

        Browser newcomer = Browser.signedIn(joiner, totp);
        newcomer.json().get("/api/v1/progress/me").then().statusCode(200)
                .body("items.id", equalTo(List.of("a06-insecure-design", "onboarding")))
                .body("items[0].dueOn", equalTo(today.plusDays(10).toString()))
                .body("items[0].reasons", equalTo(List.of("from team Team " + team + ", on joining")))
                .body("items[1].dueOn", equalTo(today.plusDays(14).toString()))
                .body("items[1].reasons", equalTo(List.of("required of every team member")))
                .body("resume", equalTo("/lessons/a06-insecure-design"));
        newcomer.json().get("/api/v1/assignments?person=" + joiner.id()).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].origin", notNullValue())
                .body("items[0].assignedBy", not(equalTo(lead.email())));
        newcomer.json().get("/api/v1/assignments/" + optional).then().statusCode(200);

        admin.json().body(Map.of("email", joiner.email(), "role", "LEAD")).put("/api/v1/teams/" + team + "/members")
                .then().statusCode(200);
        newcomer.json().get("/api/v1/assignments?person=" + joiner.id()).then().body("items", hasSize(1));
    }

    @Test
    void withdrawingATeamAssignmentTakesTheJoinersCopiesWithIt() {
        int id = leader.json().body(Map.of("lesson", "a06-insecure-design", "team", team, "mandatory", true))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("id");
        TestUser joiner = data.user();
        Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp).json()
                .body(Map.of("email", joiner.email(), "role", "MEMBER")).put("/api/v1/teams/" + team + "/members")
                .then().statusCode(200);

        Browser.signedIn(member, totp).json().delete("/api/v1/assignments/" + id).then().statusCode(403);
        leader.json().delete("/api/v1/assignments/" + id).then().statusCode(204);
        leader.json().get("/api/v1/assignments/" + id).then().statusCode(404);
        leader.json().get("/api/v1/assignments?person=" + joiner.id()).then().body("total", equalTo(0));
    }

    @Test
    void learnersSeeTheirOwnAndTheirTeamsAssignmentsOnly() {
        String otherTeam = data.team();
        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);
        int elsewhere = manager.json().body(Map.of("lesson", "a05-injection", "team", otherTeam))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("id");
        Browser learner = Browser.signedIn(member, totp);
        learner.json().get("/api/v1/assignments/" + elsewhere).then().statusCode(404);
        learner.json().get("/api/v1/assignments?team=" + otherTeam).then().statusCode(404);
        learner.json().get("/api/v1/assignments").then().statusCode(200).body("items.id", not(hasItem(elsewhere)));
        manager.json().get("/api/v1/assignments?team=" + otherTeam).then().statusCode(200)
                .body("items.id", equalTo(List.of(elsewhere))).body("items[0].team", endsWith(otherTeam));
    }
}
