package io.tollgate.gate.policy;

import java.util.Locale;

/**
 * One line of a policy: a metric compared with a threshold.
 *
 * @param kind      what is measured
 * @param parameter the severity, control id, scan kind or group of people the metric is about; null for score
 * @param operator  how the actual value compares with the threshold
 * @param threshold a number, or {@code pass} for a control
 * @param source    the file and line the condition was read from
 */
public record Condition(Kind kind, String parameter, Operator operator, String threshold, String source) {

    /** The measures a policy can set a condition on. */
    public enum Kind {
        /** Open, unsuppressed findings of one severity. */
        OPEN("open", true),
        /** Open findings of one severity past their SLA. */
        PAST_SLA("past-sla", true),
        /** Open, unsuppressed findings of one severity first seen (or reopened) after the baseline decision. */
        NEW_OPEN("new-open", true),
        /** Of those new findings, the ones past their SLA. */
        NEW_PAST_SLA("new-past-sla", true),
        /** The scorecard score of the source environment. */
        SCORE("score", false),
        /** Whether one control passes on every resource: threshold {@code pass}. */
        CONTROL("control", true),
        /** The percentage of the team's active members ({@code members}) or leads ({@code leads}) who finished their required training. */
        ONBOARDING("onboarding", true),
        /** Days since the last imported scan of one kind. */
        SCAN_AGE("scan-age", true);

        final String key;
        final boolean parameterised;

        Kind(String key, boolean parameterised) {
            this.key = key;
            this.parameterised = parameterised;
        }

        /** Whether the parameter is a finding severity. */
        boolean bySeverity() {
            return this == OPEN || this == PAST_SLA || this == NEW_OPEN || this == NEW_PAST_SLA;
        }

        /** The variant counting only findings new since the baseline: {@code new-open} for {@code open}. */
        Kind baselineVariant() {
            return switch (this) {
                case OPEN -> NEW_OPEN;
                case PAST_SLA -> NEW_PAST_SLA;
                default -> null;
            };
        }
    }

    /** Comparison operators. */
    public enum Operator {
        EQ("="), LE("<="), GE(">="), LT("<"), GT(">");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double actual, double threshold) {
            return switch (this) {
                case EQ -> actual == threshold;
                case LE -> actual <= threshold;
                case GE -> actual >= threshold;
                case LT -> actual < threshold;
                case GT -> actual > threshold;
            };
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The metric as written in a policy file, e.g. {@code open:CRITICAL}. */
    public String metric() {
        return parameter == null ? kind.key : kind.key + ":" + (kind.bySeverity() ? parameter.toUpperCase(Locale.ROOT) : parameter);
    }

    /** The same condition as written in a policy file, e.g. {@code open:CRITICAL = 0}. */
    public String text() {
        return metric() + " " + operator.symbol + " " + threshold;
    }
}
