package io.tollgate.training.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.support.TestData.TestUser;
import io.tollgate.training.TrainingData;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.Question;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Lessons and quizzes through the API: answers stay on the server, grading, retries, completion, versions. */
@QuarkusTest
class QuizApiTest {

    private static final String LESSON = "practice-clean-tmp";

    @Inject
    TestData data;

    @Inject
    TrainingData training;

    @Inject
    TotpAuthenticator totp;

    TestUser user;
    Browser learner;
    Lesson lesson;

    @BeforeEach
    void setUp() {
        user = data.user();
        learner = Browser.signedIn(user, totp);
        lesson = training.lesson(LESSON);
    }

    @Test
    void neitherTheLessonApiNorItsPageSendTheAnswers() {
        String json = learner.json().get("/api/v1/lessons/" + LESSON).then().statusCode(200)
                .body("version", equalTo("1.0.0")).body("passMark", equalTo(80))
                .body("quiz", hasSize(lesson.quiz().size()))
                .body("quiz[3].multiple", equalTo(true))
                .body("quiz[0].options[0].number", equalTo(1))
                .body("html", containsString("<h2>Objectives</h2>"))
                .extract().asString();
        String page = learner.get("/lessons/" + LESSON).then().statusCode(200).extract().asString();

        assertThat(json).doesNotContain("\"correct\"").doesNotContain("explanation");
        for (Question question : lesson.quiz()) {
            for (Question.Option option : question.options()) {
                assertThat(json).doesNotContain(option.explanation());
                assertThat(page).doesNotContain(option.explanation());
            }
        }
    }

    @Test
    void aFailedAttemptRevealsOnlyThePickedExplanationsThenARetryPassesAndCompletes() {
        Map<String, List<Integer>> failing = training.answersWithRight(lesson, 4);
        Question missed = lesson.quiz().get(5);
        int picked = TrainingData.wrongOption(missed);

        learner.json().body(Map.of("version", "1.0.0", "answers", failing)).post("/api/v1/lessons/" + LESSON + "/attempts")
                .then().statusCode(201).header("Location", containsString("/api/v1/lessons/" + LESSON + "/attempts/"))
                .body("attempt", equalTo(1)).body("correct", equalTo(4)).body("total", equalTo(6))
                .body("score", equalTo(67)).body("passed", equalTo(false))
                .body("questions[5].right", equalTo(false))
                .body("questions[5].picked", equalTo(List.of(picked)))
                .body("questions[5].revealed", hasSize(1))
                .body("questions[5].revealed[0].number", equalTo(picked))
                .body("questions[5].revealed[0].correct", nullValue())
                .body("questions[0].revealed", hasSize(lesson.quiz().get(0).options().size()));
        learner.json().get("/api/v1/progress/me").then().body("items", hasSize(0));

        learner.json().body(Map.of("answers", training.rightAnswers(lesson))).post("/api/v1/lessons/" + LESSON + "/attempts")
                .then().statusCode(201).body("attempt", equalTo(2)).body("passed", equalTo(true)).body("score", equalTo(100))
                .body("questions[5].revealed.correct", hasItem(true));
        learner.json().get("/api/v1/lessons/" + LESSON + "/attempts").then().statusCode(200)
                .body("attempt", equalTo(List.of(2, 1))).body("passed", equalTo(List.of(true, false)));

        learner.json().body(Map.of("answers", failing)).post("/api/v1/lessons/" + LESSON + "/attempts")
                .then().statusCode(201).body("attempt", equalTo(3)).body("passed", equalTo(false));
        learner.json().get("/api/v1/curricula/onboarding").then().statusCode(200).body("required", equalTo(true));
        assertThat(completionOf(LESSON)).as("a later failed retry keeps the completion").isTrue();
    }

    @Test
    void incompleteAnswersAreRefusedByFieldAndRecordNothing() {
        Map<String, List<Integer>> answers = new java.util.HashMap<>(training.rightAnswers(lesson));
        answers.remove("q3");
        answers.put("q1", List.of(1, 2));
        learner.json().body(Map.of("answers", answers)).post("/api/v1/lessons/" + LESSON + "/attempts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("answers.q1", "answers.q3")));
        learner.json().body("{\"answers\": {\"q1\": \"two\"}}").post("/api/v1/lessons/" + LESSON + "/attempts")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", endsWith("q1"));
        learner.json().get("/api/v1/lessons/" + LESSON + "/attempts").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void answersToAnOlderVersionAreAConflict() {
        learner.json().body(Map.of("version", "0.9.0", "answers", training.rightAnswers(lesson)))
                .post("/api/v1/lessons/" + LESSON + "/attempts")
                .then().statusCode(409).body("errors[0].field", equalTo("version"))
                .body("detail", containsString("1.0.0"));
    }

    @Test
    void aCompletionOfAnEarlierMajorVersionAsksForTheLessonAgain() {
        String team = data.team();
        data.member(team, user, io.tollgate.org.TeamRole.MEMBER);
        training.completed(user, LESSON, "0.3.0");
        learner.json().get("/api/v1/progress/me").then().statusCode(200)
                .body("items.find { it.id == 'onboarding' }.completed", equalTo(0))
                .body("resume", equalTo("/lessons/" + LESSON));
        learner.get("/lessons/" + LESSON).then().statusCode(200).body(containsString("version 0.3.0"));

        training.completed(user, LESSON, "1.0.0");
        learner.json().get("/api/v1/progress/me").then()
                .body("items.find { it.id == 'onboarding' }.completed", equalTo(1))
                .body("resume", not(equalTo("/lessons/" + LESSON)));
    }

    @Test
    void someoneElsesAttemptIsNotFound() {
        String location = learner.json().body(Map.of("answers", training.rightAnswers(lesson)))
                .post("/api/v1/lessons/" + LESSON + "/attempts").then().statusCode(201).extract().header("Location");
        Browser other = Browser.signedIn(data.user(), totp);
        other.json().get(location).then().statusCode(404);
        learner.json().get(location).then().statusCode(200).body("passed", equalTo(true));
    }

    @Test
    void lessonsAreListedByTrackAndTagAndLookedUpByCweOwaspSasAndPractice() {
        learner.json().get("/api/v1/lessons?size=50").then().statusCode(200).body("total", equalTo(27));
        learner.json().get("/api/v1/lessons?track=practices").then().body("total", equalTo(7));
        learner.json().get("/api/v1/lessons?track=nope").then().statusCode(400).body("errors[0].field", equalTo("track"));
        learner.json().get("/api/v1/lessons?tag=SAS-4").then().body("items.id", hasItem("sas-04-over-privileged-functions"));
        learner.json().get("/api/v1/lessons?size=5&page=1").then().body("items", hasSize(5)).body("page", equalTo(1));

        learner.json().get("/api/v1/lessons/lookup?cwe=CWE-89").then().statusCode(200)
                .body("owaspCategory", equalTo("A05:2025")).body("lesson.id", equalTo("a05-injection"))
                .body("lesson.href", equalTo("/lessons/a05-injection"));
        learner.json().get("/api/v1/lessons/lookup?owasp=A03:2021").then().statusCode(200)
                .body("owaspCategory", equalTo("A05:2025")).body("lesson.id", equalTo("a05-injection"));
        learner.json().get("/api/v1/lessons/lookup?sas=SAS-4").then().body("lesson.id", equalTo("sas-04-over-privileged-functions"));
        learner.json().get("/api/v1/lessons/lookup?practice=clean-tmp").then().body("lesson.id", equalTo(LESSON));
        learner.json().get("/api/v1/lessons/lookup?sas=SAS-11").then().statusCode(404);
        learner.json().get("/api/v1/lessons/lookup?cwe=89&sas=SAS-1").then().statusCode(400)
                .body("errors[0].field", equalTo("cwe"));
        learner.json().get("/api/v1/lessons/lookup?cwe=abc").then().statusCode(400);
        learner.json().get("/api/v1/lessons/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theTrainingApiIsInTheOpenApiDocument() {
        String document = learner.request().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(document).contains("/api/v1/lessons/{id}/attempts", "/api/v1/lessons/lookup", "/api/v1/curricula",
                "/api/v1/assignments", "/api/v1/progress/teams/{slug}/export", "/api/v1/progress/overdue", "\"Training\"");
    }

    private boolean completionOf(String lessonId) {
        return learner.get("/lessons/" + lessonId).then().statusCode(200).extract().asString().contains("<strong>Completed</strong>");
    }
}
