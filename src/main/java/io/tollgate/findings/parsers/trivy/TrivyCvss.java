package io.tollgate.findings.parsers.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.Severity;

/** The fallback severity of a Trivy vulnerability without a severity label: its highest CVSS v4 or v3 base score. */
final class TrivyCvss {

    private TrivyCvss() {
    }

    static Severity severity(JsonNode vulnerability) {
        double highest = -1;
        for (JsonNode source : vulnerability.path("CVSS")) {
            for (String field : new String[]{"V40Score", "V3Score"}) {
                JsonNode score = source.path(field);
                if (score.isNumber()) {
                    highest = Math.max(highest, score.asDouble());
                }
            }
        }
        return highest < 0 ? Severity.INFO : Severity.fromCvss(highest);
    }
}
