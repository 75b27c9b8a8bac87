package io.tollgate.findings.parsers.semgrep;

import io.tollgate.findings.parsers.Severity;

import java.util.Locale;

/**
 * Semgrep's severities on Tollgate's scale. Rules say ERROR, WARNING or INFO (INFO is Semgrep's "low"); newer rules,
 * Supply Chain results and the AppSec Platform say CRITICAL, HIGH, MEDIUM or LOW; EXPERIMENT and INVENTORY rules
 * only take stock. An unknown or missing label counts as MEDIUM.
 */
final class SemgrepSeverity {

    private SemgrepSeverity() {
    }

    static Severity of(String label) {
        if (label == null) {
            return Severity.MEDIUM;
        }
        return switch (label.strip().toUpperCase(Locale.ROOT)) {
            case "INFO" -> Severity.LOW;
            case "EXPERIMENT", "INVENTORY" -> Severity.INFO;
            default -> Severity.fromLabel(label).orElse(Severity.MEDIUM);
        };
    }
}
