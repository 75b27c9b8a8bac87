package io.tollgate.training.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Team;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import io.tollgate.training.TrainingData;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.service.TrainingFigure;
import io.tollgate.training.service.TrainingFigures;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Completion by team and by person, the overdue list, the CSV export and the training figure. */
@QuarkusTest
class ProgressApiTest {

    @Inject
    TestData data;

    @Inject
    TrainingData training;

    @Inject
    TrainingFigures figures;

    @Inject
    TotpAuthenticator totp;

    String team;
    TestUser done;
    TestUser late;
    TestUser halfway;
    Browser leader;

    /** Three members: one finished onboarding, one overdue with nothing done, one halfway and still in time. */
    @BeforeEach
    void setUp() {
        team = data.team();
        TestUser lead = data.user();
        done = data.user();
        late = data.user();
        halfway = data.user();
        data.member(team, lead, TeamRole.LEAD);
        data.member(team, done, TeamRole.MEMBER);
        data.member(team, late, TeamRole.MEMBER);
        data.member(team, halfway, TeamRole.MEMBER);
        training.joinedDaysAgo(team, late, 15);
        List<Lesson> onboarding = training.curriculumLessons("onboarding");
        training.completed(done, onboarding);
        training.completed(halfway, onboarding.subList(0, 6));
        training.completed(lead, onboarding);
        leader = Browser.signedIn(lead, totp);
    }

    @Test
    void theFigureIsTheMeanCompletionOfRequiredCurriculaWithOverdueCountedAsZero() {
        leader.json().get("/api/v1/progress/teams/" + team).then().statusCode(200)
                .body("figure.value", equalTo(62.5f))
                .body("figure.members", equalTo(4)).body("figure.membersDone", equalTo(2))
                .body("figure.membersOverdue", equalTo(1)).body("figure.requiredCurricula", equalTo(List.of("onboarding")))
                .body("members", hasSize(4))
                .body("members.find { it.email == '" + late.email() + "' }.requiredCompletion", equalTo(0.0f))
                .body("members.find { it.email == '" + late.email() + "' }.overdue", equalTo(1))
                .body("members.find { it.email == '" + halfway.email() + "' }.requiredCompletion", equalTo(50.0f));
        assertThat(figureOf(team).value()).isEqualTo(62.5);
    }

    @Test
    void aTeamWithoutMembersHasNoFigure() {
        String empty = data.team();
        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);
        manager.json().get("/api/v1/progress/teams/" + empty).then().statusCode(200)
                .body("figure.value", nullValue()).body("members", hasSize(0));
        manager.json().get("/api/v1/progress/teams?size=200").then().statusCode(200)
                .body("items.team", hasItem(empty)).body("items.team", hasItem(team));
    }

    @Test
    void theOverdueListNamesWhoIsLateWithWhat() {
        LocalDate due = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        leader.json().get("/api/v1/progress/overdue?team=" + team).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].email", equalTo(late.email()))
                .body("items[0].item.id", equalTo("onboarding")).body("items[0].item.status", equalTo("OVERDUE"))
                .body("items[0].item.dueOn", equalTo(due.toString()));
        leader.json().get("/api/v1/progress/teams").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].overdue", equalTo(1));
        leader.json().get("/api/v1/progress/people/" + late.id()).then().statusCode(200)
                .body("items[0].status", equalTo("OVERDUE")).body("resume", equalTo("/lessons/practice-clean-tmp"));
    }

    @Test
    void theCsvExportHasARowPerMemberAndItemAndDefusesFormulas() {
        training.rename(halfway, "=HYPERLINK(\"https://example.test\",\"x\")");
        String csv = leader.request().get("/api/v1/progress/teams/" + team + "/export").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("training-" + team + ".csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", ProgressCsv.HEADER));
        assertThat(lines).hasSize(5);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(team + "," + late.email())
                .contains(",CURRICULUM,onboarding,Onboarding,true,").contains(",OVERDUE,0,12,0,"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("\"'=HYPERLINK(\"\"https://example.test\"\",\"\"x\"\")\"").contains(",OPEN,6,12,50,"));
    }

    @Transactional
    TrainingFigure figureOf(String slug) {
        return figures.of(Team.findBySlug(slug).orElseThrow());
    }
}
