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
        return parameter == null ? kind.key : kind.key + ":" + (kind == Kind.OPEN || kind == Kind.PAST_SLA
                ? parameter.toUpperCase(Locale.ROOT) : parameter);
    }
}
