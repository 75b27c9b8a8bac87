package io.tollgate.gate.policy;

/**
 * How one condition fared in an evaluation.
 *
 * @param actual the measured value, or {@code no data} when the input is missing, or {@code no baseline} for new
 *               findings without a baseline decision; both fail the condition
 * @param status whether the condition holds, or failed but was covered by a waiver
 * @param waiver the id of the waiver that covered the failed condition; null otherwise
 * @param source the policy file and line the condition came from
 */
public record ConditionResult(String metric, String operator, String threshold, String actual, Status status,
                              Long waiver, String source) {

    /** The outcome of one condition. */
    public enum Status { PASS, FAIL, WAIVED }

    /** The actual value Tollgate reports when an input is missing. */
    public static final String NO_DATA = "no data";

    /** The actual value of a condition on new findings while there is no baseline decision; it fails. */
    public static final String NO_BASELINE = "no baseline";

    /** This failed result covered by a waiver. */
    public ConditionResult waivedBy(long waiverId) {
        return new ConditionResult(metric, operator, threshold, actual, Status.WAIVED, waiverId, source);
    }
}
