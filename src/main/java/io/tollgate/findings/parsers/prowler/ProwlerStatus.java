package io.tollgate.findings.parsers.prowler;

import java.util.Locale;

/**
 * What a Prowler check concluded about one resource. Prowler writes PASS, FAIL and MANUAL (Prowler 3 and later) or
 * Pass, FAIL and Info (Prowler 2, where Info marks a check that has to be done by hand).
 */
enum ProwlerStatus {
    /** The resource complies: a passed control evaluation, not a finding. */
    PASS,
    /** The resource does not comply. Any status Prowler may add later is read as a failure too. */
    FAIL,
    /** Prowler cannot decide; someone has to check by hand. */
    MANUAL;

    static ProwlerStatus of(String status) {
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "pass" -> PASS;
            case "manual", "info" -> MANUAL;
            default -> FAIL;
        };
    }
}
