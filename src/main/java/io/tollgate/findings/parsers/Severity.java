package io.tollgate.findings.parsers;

import java.util.Locale;
import java.util.Optional;

/**
 * Tollgate's one severity scale. Every format maps onto it; docs/formats/ says how for each one.
 * CVSS scores follow the CVSS v3 qualitative ratings (9.0+ critical, 7.0+ high, 4.0+ medium, 0.1+ low, 0 info).
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** CVSS v3/v4 base score to rating. */
    public static Severity fromCvss(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        if (score > 0.0) {
            return LOW;
        }
        return INFO;
    }

    /**
     * A scanner's own word for severity, compared without case: critical, high, medium/moderate, low,
     * info/informational/negligible/unknown/none, and the SARIF levels error, warning, note, none.
     */
    public static Optional<Severity> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "critical", "blocker", "very_high", "very high" -> Optional.of(CRITICAL);
            case "high", "error", "major", "severe" -> Optional.of(HIGH);
            case "medium", "moderate", "warning", "warn", "minor" -> Optional.of(MEDIUM);
            case "low", "note" -> Optional.of(LOW);
            case "info", "informational", "information", "negligible", "unknown", "none", "trivial" -> Optional.of(INFO);
            default -> Optional.empty();
        };
    }
}
