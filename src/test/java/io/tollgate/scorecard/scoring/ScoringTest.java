package io.tollgate.scorecard.scoring;

import io.tollgate.findings.parsers.Severity;
import io.tollgate.scorecard.Level;
import io.tollgate.scorecard.Pillar;
import io.tollgate.scorecard.scoring.ScoreInputs.ControlResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring on cases computed by hand from the default rules of content/scorecard/. */
class ScoringTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final List<String> KINDS = List.of("sast", "dependencies", "iac", "secrets", "account");
    private static final List<String> LEVEL_CONTROLS = List.of("root-mfa-enabled", "lambda-policy-not-public",
            "function-url-auth-required", "no-wildcard-actions", "api-stage-waf", "xray-tracing-active");

    private final Scoring scoring = new Scoring(ScoringRules.read(Path.of("content", "scorecard")));

    private static ControlResult control(String id, Severity severity, boolean passed) {
        return new ControlResult(id, "Control " + id, severity, "SAS-1", passed);
    }

    private static List<ControlResult> levelControls(boolean passed) {
        return LEVEL_CONTROLS.stream().map(id -> control(id, Severity.HIGH, passed)).toList();
    }

    private static Map<String, Instant> fresh(List<String> kinds) {
        return kinds.stream().collect(Collectors.toMap(Function.identity(), k -> NOW.minus(Duration.ofDays(1))));
    }

    private static ScoreInputs perfect(Map<Severity, Integer> open) {
        return new ScoreInputs(true, open, Map.of(), 0, levelControls(true), 100.0, 4, 4, fresh(KINDS), NOW);
    }

    @Test
    void withoutDataEveryPillarButFreshnessIsMissingAndNothingPasses() {
        Scorecard card = scoring.score(new ScoreInputs(false, Map.of(), Map.of(), 0, List.of(), null, 0, 0, Map.of(), NOW));

        assertThat(card.pillar(Pillar.VULNERABILITIES).missing()).isTrue();
        assertThat(card.pillar(Pillar.CONTROLS).missing()).isTrue();
        assertThat(card.pillar(Pillar.TRAINING).missing()).isTrue();
        assertThat(card.pillar(Pillar.FRESHNESS).value()).isEqualTo(0.0);
        // Only freshness has data: the score is its value, flagged incomplete.
        assertThat(card.score()).isEqualTo(0.0);
        assertThat(card.incomplete()).isTrue();
        assertThat(card.level()).isNull();
        assertThat(card.levels().get(Level.BRONZE)).allSatisfy(check -> {
            assertThat(check.passed()).isFalse();
            assertThat(check.missing()).isTrue();
            assertThat(check.actual()).isEqualTo("no data");
        });
    }

    @Test
    void allPassingReachesGoldWithNothingToFix() {
        Scorecard card = scoring.score(perfect(Map.of()));

        assertThat(card.pillars()).extracting(PillarScore::value).containsOnly(100.0);
        assertThat(card.score()).isEqualTo(100.0);
        assertThat(card.incomplete()).isFalse();
        assertThat(card.level()).isEqualTo(Level.GOLD);
        assertThat(card.fixNext()).isEmpty();
    }

    @Test
    void allFailingScoresEachPillarByTheFormula() {
        // Vulnerabilities: 100 − 25 (critical) − 10 (high) − 10 × 2 (high past SLA) − 5 × 3 (medium) = 30.
        // Controls: root MFA fails (critical, 10), WAF passes (medium, 5): 5 / 15 = 33.3.
        // Training 50; freshness: 1 of 5 kinds fresh = 20.
        // Score: (30 × 40 + 33.3 × 30 + 50 × 20 + 20 × 10) / 100 = 33.99 → 34.0.
        ScoreInputs inputs = new ScoreInputs(true, Map.of(Severity.CRITICAL, 1, Severity.HIGH, 2, Severity.MEDIUM, 5),
                Map.of(Severity.HIGH, 1), 0,
                List.of(control("root-mfa-enabled", Severity.CRITICAL, false), control("api-stage-waf", Severity.MEDIUM, true)),
                50.0, 2, 1, fresh(List.of("sast")), NOW);

        Scorecard card = scoring.score(inputs);

        assertThat(card.pillar(Pillar.VULNERABILITIES).value()).isEqualTo(30.0);
        assertThat(card.pillar(Pillar.CONTROLS).value()).isEqualTo(33.3);
        assertThat(card.pillar(Pillar.TRAINING).value()).isEqualTo(50.0);
        assertThat(card.pillar(Pillar.FRESHNESS).value()).isEqualTo(20.0);
        assertThat(card.score()).isEqualTo(34.0);
        assertThat(card.level()).isNull();
        // Root MFA: controls 33.3 → 100, score 54.0 (+20.0); the critical finding: vulnerabilities 30 → 55 (+10.0).
        assertThat(card.fixNext()).first().satisfies(item -> {
            assertThat(item.action()).contains("root-mfa-enabled");
            assertThat(item.gain()).isEqualTo(20.0);
            assertThat(item.lesson()).isEqualTo("SAS-1");
        });
        assertThat(card.fixNext()).anySatisfy(item -> {
            assertThat(item.action()).isEqualTo("Fix the 1 open critical finding");
            assertThat(item.gain()).isEqualTo(10.0);
        });
        assertThat(card.fixNext()).extracting(FixItem::gain).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void waivedFindingsAreShownButNotCounted() {
        ScoreInputs inputs = new ScoreInputs(true, Map.of(), Map.of(), 3, levelControls(true), 100.0, 4, 4, fresh(KINDS), NOW);

        Scorecard card = scoring.score(inputs);

        assertThat(card.pillar(Pillar.VULNERABILITIES).value()).isEqualTo(100.0);
        assertThat(card.pillar(Pillar.VULNERABILITIES).checks()).anySatisfy(check -> {
            assertThat(check.id()).isEqualTo("waived");
            assertThat(check.actual()).isEqualTo("3");
        });
    }

    @Test
    void aFindingPastItsSlaCostsTwiceAndBlocksSilver() {
        ScoreInputs inputs = new ScoreInputs(true, Map.of(Severity.HIGH, 1), Map.of(Severity.HIGH, 1), 0,
                levelControls(true), 100.0, 4, 4, fresh(KINDS), NOW);

        Scorecard card = scoring.score(inputs);

        assertThat(card.pillar(Pillar.VULNERABILITIES).value()).isEqualTo(80.0);
        assertThat(card.level()).isEqualTo(Level.BRONZE);
    }

    @Test
    void goldNeedsAScoreOfNinetyExactly() {
        // 2 high (20) + 1 medium (3) + 2 low (2): vulnerabilities 75, score (75 × 40 + 100 × 60) / 100 = 90.0.
        Scorecard atNinety = scoring.score(perfect(Map.of(Severity.HIGH, 2, Severity.MEDIUM, 1, Severity.LOW, 2)));
        // One more low finding: vulnerabilities 74, score 89.6.
        Scorecard below = scoring.score(perfect(Map.of(Severity.HIGH, 2, Severity.MEDIUM, 1, Severity.LOW, 3)));

        assertThat(atNinety.score()).isEqualTo(90.0);
        assertThat(atNinety.level()).isEqualTo(Level.GOLD);
        assertThat(below.score()).isEqualTo(89.6);
        assertThat(below.level()).isEqualTo(Level.SILVER);
    }

    @Test
    void silverNeedsEightyPercentOfMembersTrained() {
        ScoreInputs fourOfFive = new ScoreInputs(true, Map.of(), Map.of(), 0, levelControls(true), 90.0, 5, 4, fresh(KINDS), NOW);
        ScoreInputs threeOfFive = new ScoreInputs(true, Map.of(), Map.of(), 0, levelControls(true), 90.0, 5, 3, fresh(KINDS), NOW);

        assertThat(scoring.score(fourOfFive).level()).isEqualTo(Level.SILVER);
        assertThat(scoring.score(threeOfFive).level()).isEqualTo(Level.BRONZE);
    }

    @Test
    void aMissingPillarLeavesTheScoreToTheOthersAndBlocksTheLevel() {
        ScoreInputs inputs = new ScoreInputs(true, Map.of(Severity.MEDIUM, 10), Map.of(), 0, List.of(), 100.0, 4, 4, fresh(KINDS), NOW);

        Scorecard card = scoring.score(inputs);

        // Vulnerabilities 70; controls missing: (70 × 40 + 100 × 20 + 100 × 10) / 70 = 82.857 → 82.9.
        assertThat(card.pillar(Pillar.CONTROLS).missing()).isTrue();
        assertThat(card.score()).isEqualTo(82.9);
        assertThat(card.incomplete()).isTrue();
        assertThat(card.level()).isNull();
    }

    @Test
    void aScanOlderThanSevenDaysIsStale() {
        Map<String, Instant> scans = fresh(KINDS);
        scans.put("iac", NOW.minus(Duration.ofDays(7)));

        Scorecard card = scoring.score(new ScoreInputs(true, Map.of(), Map.of(), 0, levelControls(true), 100.0, 4, 4, scans, NOW));

        assertThat(card.pillar(Pillar.FRESHNESS).value()).isEqualTo(80.0);
        assertThat(card.fixNext()).singleElement().satisfies(item -> {
            assertThat(item.action()).isEqualTo("Import a fresh iac scan");
            assertThat(item.gain()).isEqualTo(2.0);
        });
    }
}
