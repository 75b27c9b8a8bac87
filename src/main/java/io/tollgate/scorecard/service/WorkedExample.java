package io.tollgate.scorecard.service;

import io.tollgate.controls.ControlCatalog;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.scorecard.scoring.ScoreInputs;
import io.tollgate.scorecard.scoring.Scorecard;
import io.tollgate.scorecard.scoring.Scoring;
import io.tollgate.scorecard.scoring.ScoringRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example of the "How scores work" page: a made-up team, scored by the same {@link Scoring} as every team,
 * so that the page always matches the rules in content/scorecard/.
 */
@ApplicationScoped
public class WorkedExample {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Scoring scoring;
    private final ScoreInputs inputs;

    WorkedExample(Scoring scoring, ControlCatalog controls) {
        this.scoring = scoring;
        List<ScoreInputs.ControlResult> results = Stream.of("root-mfa-enabled", "no-wildcard-actions", "api-stage-waf", "xray-tracing-active")
                .flatMap(id -> controls.byId(id).stream())
                .map(c -> new ScoreInputs.ControlResult(c.id(), c.title(), c.severity(), c.lesson(), !c.id().equals("no-wildcard-actions")))
                .toList();
        this.inputs = new ScoreInputs(true, Map.of(Severity.HIGH, 2, Severity.MEDIUM, 4, Severity.LOW, 3),
                Map.of(Severity.HIGH, 1), 1, results, 75.0, 4, 3,
                Map.of("sast", NOW.minus(Duration.ofDays(1)), "dependencies", NOW.minus(Duration.ofDays(2)),
                        "account", NOW.minus(Duration.ofDays(3)), "iac", NOW.minus(Duration.ofDays(12))), NOW);
    }

    public ScoringRules rules() {
        return scoring.rules();
    }

    public ScoreInputs inputs() {
        return inputs;
    }

    public Scorecard scorecard() {
        return scoring.score(inputs);
    }
}
