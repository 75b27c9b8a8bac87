package io.tollgate.gate.policy;

/**
 * How one condition fared in an evaluation.
 *
 * @param actual the measured value, or {@code no data} when the input is missing, which fails the condition
 * @param passed whether the condition holds
 * @param source the policy file and line the condition came from
 */
public record ConditionResult(String metric, String operator, String threshold, String actual, boolean passed,
                              String source) {

    /** The actual value Tollgate reports when an input is missing. */
    public static final String NO_DATA = "no data";
}
