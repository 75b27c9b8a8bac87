package io.tollgate.scorecard.service;

import io.tollgate.findings.service.FindingFigures;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.scorecard.Pillar;
import io.tollgate.scorecard.ScorecardConfig;
import io.tollgate.scorecard.ScorecardSnapshot;
import io.tollgate.scorecard.scoring.Scorecard;
import io.tollgate.scorecard.scoring.Scoring;
import io.tollgate.security.Viewer;
import io.tollgate.training.service.TrainingFigure;
import io.tollgate.training.service.TrainingFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Computes scorecards from the findings, controls and training of a team, stores snapshots of them (see
 * {@link SnapshotTaker} for when), and reads the history back.
 */
@ApplicationScoped
public class ScorecardService {

    /** A team's scorecard in one environment now, with the finding figures shown beside it. */
    public record TeamScorecard(Team team, Environment environment, Instant computedAt, Scorecard scorecard,
                                FindingFigures.Figures findings) {
    }

    private final Scoring scoring;
    private final ScorecardInputs inputs;
    private final FindingFigures findingFigures;
    private final TrainingFigures trainingFigures;
    private final TeamService teams;
    private final ScorecardConfig config;
    private final Clock clock;

    ScorecardService(Scoring scoring, ScorecardInputs inputs, FindingFigures findingFigures, TrainingFigures trainingFigures,
                     TeamService teams, ScorecardConfig config, Clock clock) {
        this.scoring = scoring;
        this.inputs = inputs;
        this.findingFigures = findingFigures;
        this.trainingFigures = trainingFigures;
        this.teams = teams;
        this.config = config;
        this.clock = clock;
    }

    /** The scorecard of a team the viewer may see, in one environment, computed now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamScorecard current(Viewer viewer, String team, String environment) {
        Team visible = teams.visibleTeam(viewer, team);
        return compute(visible, environment(environment), trainingFigures.of(visible), Instant.now(clock));
    }

    /**
     * The scorecard of a team its caller has already resolved, in one environment, with the team's training figures
     * and at the instant the caller works with (the gate, which weighs the same figures and time in its decision).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamScorecard of(Team team, Environment environment, TrainingFigure training, Instant now) {
        return compute(team, environment, training, now);
    }

    /** The snapshots of the last {@code days} days, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScorecardSnapshot> history(Viewer viewer, String team, String environment, int days) {
        if (days < 1 || days > 366) {
            throw new InvalidInputException("days", "must be between 1 and 366");
        }
        Team visible = teams.visibleTeam(viewer, team);
        return ScorecardSnapshot.since(visible.id, environment(environment).id, Instant.now(clock).minus(Duration.ofDays(days)));
    }

    public int trendDays() {
        return config.trendDays();
    }

    /** Stores a snapshot of each environment of the team, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void snapshot(Team team, List<Environment> environments, ScorecardSnapshot.Cause cause, Instant now) {
        TrainingFigure training = trainingFigures.of(team);
        for (Environment environment : environments) {
            Scorecard card = compute(team, environment, training, now).scorecard();
            ScorecardSnapshot snapshot = new ScorecardSnapshot();
            snapshot.team = team;
            snapshot.environment = environment;
            snapshot.takenAt = now;
            snapshot.cause = cause;
            snapshot.score = card.score();
            snapshot.incomplete = card.incomplete();
            snapshot.level = card.level();
            snapshot.vulnerabilities = card.pillar(Pillar.VULNERABILITIES).value();
            snapshot.controls = card.pillar(Pillar.CONTROLS).value();
            snapshot.training = card.pillar(Pillar.TRAINING).value();
            snapshot.freshness = card.pillar(Pillar.FRESHNESS).value();
            snapshot.persist();
        }
    }

    private TeamScorecard compute(Team team, Environment environment, TrainingFigure training, Instant now) {
        FindingFigures.Figures findings = findingFigures.of(team.id, environment.id, now);
        Scorecard card = scoring.score(inputs.of(findings, training, scoring.rules(), now));
        return new TeamScorecard(team, environment, now, card, findings);
    }

    private static Environment environment(String key) {
        return Environment.findByKey(key).orElseThrow(() -> new NotFoundException("Environment", key));
    }
}
