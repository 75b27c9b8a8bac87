package io.tollgate.scorecard.service;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import io.tollgate.org.TeamRole;
import io.tollgate.scorecard.ScorecardSnapshot;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.tollgate.training.TrainingData;
import io.tollgate.training.catalog.Lesson;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** A snapshot on each kind of change, and the daily snapshot taken once however many instances run it. */
@QuarkusTest
class SnapshotTest {

    private static final Result SQL = new Result("python.lambda.sql-injection", "src/orders/handler.py", 12, "ERROR", "CWE-89: SQL Injection");

    @Inject
    TestData data;

    @Inject
    TrainingData training;

    @Inject
    TotpAuthenticator totp;

    @Inject
    DailySnapshots daily;

    String team;
    Browser lead;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        lead = Browser.signedIn(user, totp);
    }

    /** Snapshots are taken just after the change commits, on a thread of their own: waits for the expected ones. */
    private void awaitSnapshots(String environment, int count) {
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> snapshots(environment).size() >= count);
    }

    private List<ScorecardSnapshot> snapshots(String environment) {
        Team t = Team.findBySlug(team).orElseThrow();
        Environment e = Environment.findByKey(environment).orElseThrow();
        return ScorecardSnapshot.since(t.id, e.id, Instant.EPOCH);
    }

    private void upload(List<Result> results) {
        lead.request().contentType("application/json").body(SemgrepReports.report(results))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders&mode=full")
                .then().statusCode(201);
    }

    @Test
    void anImportTakesASnapshotOfItsEnvironment() {
        upload(List.of(SQL));

        awaitSnapshots("dev", 1);
        assertThat(snapshots("dev")).singleElement().satisfies(s -> {
            assertThat(s.cause).isEqualTo(ScorecardSnapshot.Cause.IMPORT);
            // One open high finding: 100 − 10.
            assertThat(s.vulnerabilities).isEqualTo(90.0);
            assertThat(s.controls).isNull();
            assertThat(s.incomplete).isTrue();
        });
        assertThat(snapshots("prod")).isEmpty();
    }

    @Test
    void aStatusChangeTakesASnapshotWithTheFindingWaived() {
        upload(List.of(SQL));
        Number id = lead.json().get("/api/v1/findings?team=" + team).then().extract().path("items[0].id");

        lead.json().body(Map.of("status", "FALSE_POSITIVE", "reason", "the input is a constant, not event data"))
                .post("/api/v1/findings/" + id + "/status").then().statusCode(200);

        awaitSnapshots("dev", 2);
        assertThat(snapshots("dev")).extracting(s -> s.cause, s -> s.vulnerabilities).containsExactly(
                tuple(ScorecardSnapshot.Cause.IMPORT, 90.0),
                tuple(ScorecardSnapshot.Cause.FINDING_STATUS, 100.0));
    }

    @Test
    void aTrainingCompletionTakesASnapshotInEveryEnvironment() {
        Lesson lesson = training.curriculumLessons("onboarding").get(0);

        lead.json().body(Map.of("answers", training.rightAnswers(lesson))).post("/api/v1/lessons/" + lesson.id() + "/attempts")
                .then().statusCode(201);

        for (String environment : List.of("dev", "prod")) {
            awaitSnapshots(environment, 1);
            assertThat(snapshots(environment)).singleElement().satisfies(s -> {
                assertThat(s.cause).isEqualTo(ScorecardSnapshot.Cause.TRAINING);
                assertThat(s.training).isGreaterThan(0.0);
            });
        }
    }

    @Test
    void theDailySnapshotRunsOnceWhenTwoInstancesRunIt() throws Exception {
        LocalDate day = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(100_000));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> run = () -> daily.run(day);
            List<Future<Boolean>> results = instances.invokeAll(List.of(run, run));

            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            instances.shutdown();
        }
        assertThat(daily.run(day)).isFalse();
        assertThat(snapshots("dev")).singleElement().satisfies(s -> assertThat(s.cause).isEqualTo(ScorecardSnapshot.Cause.DAILY));
    }
}
