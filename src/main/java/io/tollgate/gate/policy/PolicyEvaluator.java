package io.tollgate.gate.policy;

import io.tollgate.findings.parsers.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks each condition of a policy against a team's inputs. A missing input fails its condition, and so does a
 * condition on new findings while the team has no baseline decision.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static List<ConditionResult> evaluate(Policy policy, GateInputs inputs) {
        return policy.conditions().stream().map(c -> evaluate(c, inputs)).toList();
    }

    static ConditionResult evaluate(Condition condition, GateInputs inputs) {
        Double actual = switch (condition.kind()) {
            case OPEN -> inputs.scanned() ? count(inputs.open().get(Severity.valueOf(condition.parameter()))) : null;
            case PAST_SLA -> inputs.scanned() ? count(inputs.pastSla().get(Severity.valueOf(condition.parameter()))) : null;
            case NEW_OPEN -> inputs.scanned() && inputs.baseline() != null
                    ? count(inputs.baseline().open().get(Severity.valueOf(condition.parameter()))) : null;
            case NEW_PAST_SLA -> inputs.scanned() && inputs.baseline() != null
                    ? count(inputs.baseline().pastSla().get(Severity.valueOf(condition.parameter()))) : null;
            case SCORE -> inputs.score();
            case ONBOARDING -> condition.parameter().equals("leads")
                    ? percent(inputs.leadsDone(), inputs.leads()) : percent(inputs.membersDone(), inputs.members());
            case SCAN_AGE -> age(inputs.lastScanByKind().get(condition.parameter()), inputs.now());
            case CONTROL -> null;
        };
        if (condition.kind() == Condition.Kind.CONTROL) {
            Boolean passes = inputs.controls().get(condition.parameter());
            return result(condition, passes == null ? ConditionResult.NO_DATA : passes ? "pass" : "fail",
                    Boolean.TRUE.equals(passes));
        }
        if (actual == null) {
            boolean noBaseline = inputs.scanned() && inputs.baseline() == null
                    && (condition.kind() == Condition.Kind.NEW_OPEN || condition.kind() == Condition.Kind.NEW_PAST_SLA);
            return result(condition, noBaseline ? ConditionResult.NO_BASELINE : ConditionResult.NO_DATA, false);
        }
        ConditionResult result = result(condition, format(actual), condition.operator().holds(actual, Double.parseDouble(condition.threshold())));
        return result.status() == ConditionResult.Status.PASS ? waivedFindings(condition, inputs, actual, result) : result;
    }

    /** A passing finding condition that would fail if the findings accepted by waivers counted: waived, not passed. */
    private static ConditionResult waivedFindings(Condition condition, GateInputs inputs, double actual, ConditionResult result) {
        if (condition.kind() != Condition.Kind.OPEN && condition.kind() != Condition.Kind.PAST_SLA || inputs.waived() == null) {
            return result;
        }
        GateInputs.WaivedFindings waived = inputs.waived().get(Severity.valueOf(condition.parameter()));
        if (waived == null) {
            return result;
        }
        double withWaived = actual + (condition.kind() == Condition.Kind.OPEN ? waived.open() : waived.pastSla());
        return condition.operator().holds(withWaived, Double.parseDouble(condition.threshold())) ? result : result.waivedBy(waived.waiver());
    }

    /** One decimal; no data when nobody is counted or nothing is required. */
    private static Double percent(Integer done, int of) {
        return done == null || of == 0 ? null : Math.round(1000.0 * done / of) / 10.0;
    }

    private static Double count(Integer value) {
        return value == null ? 0.0 : value;
    }

    /** Whole days since the scan, rounded down. */
    private static Double age(Instant at, Instant now) {
        return at == null ? null : (double) Duration.between(at, now).toDays();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static ConditionResult result(Condition condition, String actual, boolean passed) {
        return new ConditionResult(condition.metric(), condition.operator().symbol(), condition.threshold(), actual,
                passed ? ConditionResult.Status.PASS : ConditionResult.Status.FAIL, null, condition.source());
    }
}
