package io.tollgate.training.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import io.tollgate.training.TrainingData;
import io.tollgate.training.catalog.Lesson;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The training pages as a browser without JavaScript uses them. */
@QuarkusTest
class TrainingPagesTest {

    private static final String LESSON = "sas-07-insecure-secrets-storage";

    @Inject
    TestData data;

    @Inject
    TrainingData training;

    @Inject
    TotpAuthenticator totp;

    String team;
    TestUser member;
    Browser learner;

    @BeforeEach
    void setUp() {
        team = data.team();
        member = data.user();
        data.member(team, member, TeamRole.MEMBER);
        learner = Browser.signedIn(member, totp);
    }

    @Test
    void homeShowsTheRequiredCurriculumItsProgressAndWhereToResume() {
        training.completed(member, List.of(training.lesson("practice-clean-tmp"), training.lesson("practice-fine-grained-functions")));
        learner.get("/").then().statusCode(200)
                .body(containsString("Your training"))
                .body(containsString("Onboarding"))
                .body(containsString("required of every team member"))
                .body(containsString("value=\"2\""))
                .body(containsString("2 of 12 lessons"))
                .body(containsString("id=\"resume\" href=\"/lessons/practice-least-privilege-iam\""));
    }

    @Test
    void someoneWithoutTeamOrAssignmentSeesEmptyStates() {
        Browser loner = Browser.signedIn(data.user(), totp);
        loner.get("/").then().statusCode(200).body(containsString("Nothing is assigned to you yet"));
        loner.get("/training").then().statusCode(403);
        loner.get("/lessons").then().statusCode(200).body(containsString("OWASP Top 10:2025"))
                .body(containsString("/lessons/" + LESSON));
        loner.get("/curricula").then().statusCode(200).body(containsString("Team lead track"));
    }

    @Test
    void theQuizFormIsGradedShowsOnlyEarnedExplanationsAndCountsRetries() {
        Lesson lesson = training.lesson(LESSON);

        String failed = submit(lesson, training.answersWithRight(lesson, 3)).then().statusCode(303).extract().header("Location");
        assertThat(failed).contains("/lessons/" + LESSON + "/attempts/");
        String result = learner.get(failed).then().statusCode(200).body(containsString("not passed"))
                .body(containsString("Attempt 1")).body(containsString("Read again and retry")).extract().asString();
        String hiddenExplanation = lesson.quiz().get(5).options().stream()
                .filter(o -> o.correct()).findFirst().orElseThrow().explanation();
        assertThat(result).doesNotContain(hiddenExplanation);

        String passed = submit(lesson, training.rightAnswers(lesson)).then().statusCode(303).extract().header("Location");
        learner.get(passed).then().statusCode(200).body(containsString("passed")).body(containsString("Attempt 2"))
                .body(containsString(hiddenExplanation));
        learner.get("/lessons/" + LESSON).then().body(containsString("on attempt 2"));
    }

    @Test
    void anUnansweredQuestionComesBackWithAnInlineErrorAndTheOtherPicks() {
        Lesson lesson = training.lesson(LESSON);
        Response response = submit(lesson, Map.of("q1", List.of(2)));
        response.then().statusCode(400).body(containsString("Nothing was saved"))
                .body(containsString("id=\"answers.q2-error\""))
                .body(containsString("id=\"q1-o2\" name=\"answers.q1\"\n          value=\"2\" checked"));
        learner.get("/lessons/" + LESSON).then().body(not(containsString("attempt so far")));
    }

    @Test
    void theQuizFormNeedsItsCsrfToken() {
        Lesson lesson = training.lesson(LESSON);
        RequestSpecification request = learner.requestWithoutCsrfToken().contentType(ContentType.URLENC)
                .formParam("version", lesson.version().toString());
        training.rightAnswers(lesson).forEach((question, options) -> request.formParam("answers." + question, options.toArray()));
        request.post("/lessons/" + LESSON + "/quiz").then().statusCode(403);
        learner.get("/lessons/" + LESSON).then().body(not(containsString("<strong>Completed</strong>")));
    }

    @Test
    void theLessonBodyIsRenderedFromMarkdownWithoutScripts() {
        learner.get("/lessons/a05-injection").then().statusCode(200)
                .body(not(containsString("<script")))
                .body(containsString("<h2>Vulnerable example</h2>"))
                .body(containsString("<pre><code class=\"language-"));
    }

    @Test
    void aLeadAssignsFromTheTeamPageAndSeesCompletionByPerson() {
        TestUser lead = data.user();
        data.member(team, lead, TeamRole.LEAD);
        Browser leader = Browser.signedIn(lead, totp);
        leader.get("/training").then().statusCode(200).body(containsString("/training/teams/" + team));
        leader.get("/training/teams/" + team).then().statusCode(200)
                .body(containsString(member.email())).body(containsString("Completion by person"))
                .body(containsString("Download CSV"));

        leader.postForm("/training/teams/" + team + "/assignments", Map.of("curriculum", "team-lead", "lesson", "a06-insecure-design"))
                .then().statusCode(400).body(containsString("id=\"curriculum-error\""))
                .body(containsString("name either a curriculum or a lesson"));
        leader.postForm("/training/teams/" + team + "/assignments", Map.of("lesson", LESSON, "dueOn", "next week"))
                .then().statusCode(400).body(containsString("must be a date"));
        leader.postForm("/training/teams/" + team + "/assignments", Map.of("lesson", LESSON, "person", member.email(),
                "mandatory", "true")).then().statusCode(303).header("Location", containsString("/training/teams/" + team));

        leader.get("/training/people/" + member.id()).then().statusCode(200)
                .body(containsString("assigned personally by " + lead.email())).body(containsString("Withdraw"));
        learner.get("/").then().body(containsString("/lessons/" + LESSON));
        learner.get("/training/people/" + lead.id()).then().statusCode(404);
        learner.get("/training/teams/" + team).then().statusCode(403);
    }

    @Test
    void aManagerReadsTheOverdueList() {
        training.joinedDaysAgo(team, member, 20);
        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);
        manager.get("/training/overdue?team=" + team).then().statusCode(200)
                .body(containsString(member.email())).body(containsString("Onboarding"));
        manager.get("/training").then().statusCode(200).body(containsString("Training by team"));
    }

    @Test
    void aCompletedCurriculumHasAPrintableCertificate() {
        learner.get("/curricula/onboarding/certificate").then().statusCode(404);
        training.completed(member, training.curriculumLessons("onboarding"));
        learner.get("/curricula/onboarding").then().statusCode(200).body(containsString("View your certificate"));
        learner.get("/curricula/onboarding/certificate").then().statusCode(200)
                .body(containsString("Certificate of completion")).body(containsString("Onboarding"))
                .body(containsString("class=\"no-print\""));
        Browser other = Browser.signedIn(data.user(), totp);
        other.get("/curricula/onboarding/certificate?person=" + member.id()).then().statusCode(404);
    }

    /** Posts the quiz form as a browser does: a multiple-answer question sends its field once per ticked box. */
    private Response submit(Lesson lesson, Map<String, List<Integer>> answers) {
        RequestSpecification request = learner.requestWithoutCsrfToken().contentType(ContentType.URLENC)
                .formParam("csrf", learner.csrfToken()).formParam("version", lesson.version().toString());
        answers.forEach((question, options) -> request.formParam("answers." + question, options.toArray()));
        return request.post("/lessons/" + lesson.id() + "/quiz");
    }
}
