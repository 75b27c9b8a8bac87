package io.tollgate.scorecard.rest;

import io.tollgate.findings.parsers.Severity;
import io.tollgate.scorecard.Level;
import io.tollgate.scorecard.ScorecardSnapshot;
import io.tollgate.scorecard.scoring.Check;
import io.tollgate.scorecard.scoring.FixItem;
import io.tollgate.scorecard.scoring.PillarScore;
import io.tollgate.scorecard.service.ScorecardService.TeamScorecard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON payloads of the scorecard API. */
public final class ScorecardViews {

    private ScorecardViews() {
    }

    /** A team's scorecard in one environment, computed at {@code computedAt}, with every check behind it. */
    public record ScorecardView(String team, String environment, Instant computedAt, Double score, boolean incomplete,
                                Level level, List<PillarScore> pillars, Map<Level, List<Check>> levels,
                                List<FixItem> fixNext, Map<Severity, Integer> openBySeverity,
                                Map<String, Long> openByOwaspCategory, int waived) {

        static ScorecardView of(TeamScorecard current) {
            var card = current.scorecard();
            return new ScorecardView(current.team().slug, current.environment().key, current.computedAt(), card.score(),
                    card.incomplete(), card.level(), card.pillars(), card.levels(), card.fixNext(),
                    current.findings().open(), current.findings().openByOwasp(), current.findings().waived());
        }
    }

    /** One stored snapshot; a pillar is null when it had no data. */
    public record SnapshotView(Instant takenAt, ScorecardSnapshot.Cause cause, Double score, boolean incomplete, Level level,
                               Double vulnerabilities, Double controls, Double training, Double freshness) {

        static SnapshotView of(ScorecardSnapshot s) {
            return new SnapshotView(s.takenAt, s.cause, s.score, s.incomplete, s.level, s.vulnerabilities, s.controls,
                    s.training, s.freshness);
        }
    }
}
