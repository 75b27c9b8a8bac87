package io.tollgate.scorecard;

import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/** Scorecard history for tests, written directly so that trends have past days. */
@ApplicationScoped
public class ScorecardData {

    /** A daily snapshot of a team in an environment some days ago, with only a score. */
    @Transactional
    public void snapshotDaysAgo(String team, String environment, int days, double score) {
        ScorecardSnapshot snapshot = new ScorecardSnapshot();
        snapshot.team = Team.findBySlug(team).orElseThrow();
        snapshot.environment = Environment.findByKey(environment).orElseThrow();
        snapshot.takenAt = Instant.now().minus(Duration.ofDays(days));
        snapshot.cause = ScorecardSnapshot.Cause.DAILY;
        snapshot.score = score;
        snapshot.incomplete = true;
        snapshot.persist();
    }
}
