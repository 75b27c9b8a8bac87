package io.tollgate.findings;

/** Where a finding stands. FALSE_POSITIVE and RISK_ACCEPTED are set by people and survive re-imports. */
public enum FindingStatus {
    OPEN, FIXED, FALSE_POSITIVE, RISK_ACCEPTED
}
