package io.tollgate.aws.collector;

/** What one check of a collection came to. */
public enum CheckOutcome {
    /** Every resource the check looked at passed (or there was nothing to look at). */
    PASSED,
    /** At least one resource failed; each failure is a finding. */
    FAILED,
    /** An API the check needs was denied or failed: the check counts neither as passed nor as failed. */
    NOT_EVALUATED
}
