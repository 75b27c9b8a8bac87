package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.Severity;

/**
 * A result's severity on Tollgate's scale. A CVSS-like {@code security-severity} property (the result's, else its
 * rule's; CodeQL, Grype, Trivy and Snyk write one) decides when present, through the CVSS ratings. Otherwise the
 * SARIF level decides: the result's {@code level}, else its rule's {@code defaultConfiguration.level}, else
 * SARIF's default {@code warning}; error is HIGH, warning MEDIUM, note LOW and none INFO.
 */
final class SarifSeverity {

    private static final String DEFAULT_LEVEL = "warning";

    private SarifSeverity() {
    }

    static Severity of(JsonNode result, JsonNode rule) {
        Double score = Texts.first(securitySeverity(result), securitySeverity(rule));
        if (score != null) {
            return Severity.fromCvss(score);
        }
        String level = Texts.first(JsonReports.text(result, "level"),
                JsonReports.text(rule.path("defaultConfiguration"), "level"), DEFAULT_LEVEL);
        return Severity.fromLabel(level).orElse(Severity.MEDIUM);
    }

    private static Double securitySeverity(JsonNode owner) {
        String value = JsonReports.text(owner.path("properties"), "security-severity");
        if (value == null) {
            return null;
        }
        try {
            double score = Double.parseDouble(value.strip());
            return Double.isFinite(score) && score >= 0 ? score : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
