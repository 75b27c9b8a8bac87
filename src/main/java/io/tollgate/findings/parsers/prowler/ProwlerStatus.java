package io.tollgate.findings.parsers.prowler;

import java.util.Locale;

/**
 * What a Prowler check concluded about one resource. Prowler writes PASS, FAIL and MANUAL (Prowler 3 and later) or
 * Pass, FAIL and Info (Prowler 2).
 */
enum ProwlerStatus {
    /** The resource complies: a passed control evaluation, not a finding. */
    PASS,
    /** The resource does not comply. Any status Prowler may add later is read as a failure too. */
    FAIL,
    /** Prowler cannot decide; someone has to check by hand. */
    MANUAL,
    /** Prowler 2's Info lines: informational output that evaluates nothing; neither a finding nor a passed check. */
    NOTE;

    static ProwlerStatus of(String status) {
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "pass" -> PASS;
            case "manual" -> MANUAL;
            case "info" -> NOTE;
            default -> FAIL;
        };
    }
}
