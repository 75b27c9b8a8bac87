package io.tollgate.gate.policy;

import io.tollgate.findings.parsers.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of condition passing, failing, and failing on missing data. */
class PolicyEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final PolicyParser PARSER = new PolicyParser(Set.of("root-mfa-enabled"), Set.of("sast"));

    private static final GateInputs MEASURED = new GateInputs(true, Map.of(Severity.CRITICAL, 1, Severity.HIGH, 3),
            Map.of(Severity.HIGH, 1), 72.5, Map.of("root-mfa-enabled", true), 10, 9, 2, 1,
            Map.of("sast", NOW.minus(Duration.ofDays(3)).minusSeconds(60)), NOW,
            new GateInputs.Baseline(41, NOW.minus(Duration.ofDays(10)), Map.of(Severity.HIGH, 1), Map.of()),
            Map.of(Severity.MEDIUM, new GateInputs.WaivedFindings(2, 1, 7)));

    private static final GateInputs NOTHING = new GateInputs(false, Map.of(), Map.of(), null, Map.of(), 0, 0, 0, null, Map.of(), NOW, null, Map.of());

    @Test
    void openFindings() {
        assertResult("open:CRITICAL = 0", MEASURED, "1", false);
        assertResult("open:HIGH <= 3", MEASURED, "3", true);
        assertResult("open:LOW = 0", MEASURED, "0", true);
        assertResult("open:CRITICAL = 0", NOTHING, ConditionResult.NO_DATA, false);
    }

    @Test
    void findingsNewSinceTheBaseline() {
        assertResult("new-open:CRITICAL = 0", MEASURED, "0", true);
        assertResult("new-open:HIGH = 0", MEASURED, "1", false);
        assertResult("new-past-sla:HIGH = 0", MEASURED, "0", true);
        GateInputs withoutBaseline = new GateInputs(true, Map.of(), Map.of(), 80.0, Map.of(), 1, 1, 1, 1, Map.of(), NOW, null, Map.of());
        assertResult("new-open:CRITICAL = 0", withoutBaseline, ConditionResult.NO_BASELINE, false);
        assertResult("new-past-sla:CRITICAL = 0", withoutBaseline, ConditionResult.NO_BASELINE, false);
        assertResult("new-open:CRITICAL = 0", NOTHING, ConditionResult.NO_DATA, false);
    }

    @Test
    void findingsAcceptedByWaiversAreLeftOutAndShownAsWaivedWhereTheyWouldFail() {
        assertThat(evaluate("open:MEDIUM = 0", MEASURED)).extracting(ConditionResult::actual, ConditionResult::status,
                ConditionResult::waiver).containsExactly("0", ConditionResult.Status.WAIVED, 7L);
        assertResult("open:MEDIUM <= 2", MEASURED, "0", true);
        assertThat(evaluate("past-sla:MEDIUM = 0", MEASURED).status()).isEqualTo(ConditionResult.Status.WAIVED);
    }

    @Test
    void findingsPastSla() {
        assertResult("past-sla:HIGH = 0", MEASURED, "1", false);
        assertResult("past-sla:CRITICAL = 0", MEASURED, "0", true);
        assertResult("past-sla:HIGH = 0", NOTHING, ConditionResult.NO_DATA, false);
    }

    @Test
    void score() {
        assertResult("score >= 70", MEASURED, "72.5", true);
        assertResult("score > 72.5", MEASURED, "72.5", false);
        assertResult("score >= 0", NOTHING, ConditionResult.NO_DATA, false);
    }

    @Test
    void controls() {
        assertResult("control:root-mfa-enabled = pass", MEASURED, "pass", true);
        GateInputs failing = new GateInputs(true, Map.of(), Map.of(), 80.0, Map.of("root-mfa-enabled", false), 1, 1, 1, 1, Map.of(), NOW, null, Map.of());
        assertResult("control:root-mfa-enabled = pass", failing, "fail", false);
        assertResult("control:root-mfa-enabled = pass", NOTHING, ConditionResult.NO_DATA, false);
    }

    @Test
    void onboarding() {
        assertResult("onboarding:members >= 90", MEASURED, "90", true);
        assertResult("onboarding:members >= 95", MEASURED, "90", false);
        assertResult("onboarding:leads >= 100", MEASURED, "50", false);
        assertResult("onboarding:members >= 0", NOTHING, ConditionResult.NO_DATA, false);
        assertResult("onboarding:leads >= 0", NOTHING, ConditionResult.NO_DATA, false);
        GateInputs nothingRequired = new GateInputs(true, Map.of(), Map.of(), 80.0, Map.of(), 3, 0, 1, null, Map.of(), NOW, null, Map.of());
        assertResult("onboarding:leads >= 0", nothingRequired, ConditionResult.NO_DATA, false);
    }

    @Test
    void scanAgeInWholeDays() {
        assertResult("scan-age:sast <= 3", MEASURED, "3", true);
        assertResult("scan-age:sast < 3", MEASURED, "3", false);
        assertResult("scan-age:sast <= 7", NOTHING, ConditionResult.NO_DATA, false);
    }

    @Test
    void aResultCarriesTheConditionAndWhereItCameFrom() {
        ConditionResult result = evaluate("score >= 70", MEASURED);
        assertThat(result).isEqualTo(new ConditionResult("score", ">=", "70", "72.5", ConditionResult.Status.PASS, null, "default.txt:1"));
    }

    private static void assertResult(String condition, GateInputs inputs, String actual, boolean passed) {
        ConditionResult result = evaluate(condition, inputs);
        assertThat(result.actual()).as(condition).isEqualTo(actual);
        assertThat(result.status()).as(condition).isEqualTo(passed ? ConditionResult.Status.PASS : ConditionResult.Status.FAIL);
    }

    private static ConditionResult evaluate(String condition, GateInputs inputs) {
        Policy policy = new Policy("h", PARSER.parse(Path.of("default.txt"), condition));
        return PolicyEvaluator.evaluate(policy, inputs).get(0);
    }
}
