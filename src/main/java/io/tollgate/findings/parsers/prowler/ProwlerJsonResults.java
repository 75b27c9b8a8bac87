package io.tollgate.findings.parsers.prowler;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.ReportFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static io.tollgate.findings.parsers.JsonReports.text;
import static io.tollgate.findings.parsers.JsonReports.texts;

/**
 * Reads one result of Prowler's JSON outputs: an OCSF Detection Finding (JSON-OCSF, Prowler 4 and later), a
 * Prowler 3 JSON finding, or a line of Prowler 2's JSON output. Which one is told by its fields.
 */
final class ProwlerJsonResults {

    private ProwlerJsonResults() {
    }

    /**
     * @param position a JSON pointer ("/3") or, for JSON lines, "line 12, column 1": where errors point to
     */
    static ProwlerResult read(JsonNode result, String position) throws ReportFormatException {
        if (result.has("status_code") || result.has("finding_info")) {
            return ocsf(result, position);
        }
        if (result.has("CheckID") || result.has("FindingUniqueId")) {
            return prowler3(result, position);
        }
        if (result.has("Control") || result.has("Control ID")) {
            return prowler2(result, position);
        }
        throw new ReportFormatException(ProwlerParser.ID, position,
                "not a Prowler result: expected status_code and finding_info (JSON-OCSF), CheckID (Prowler 3) or Control (Prowler 2)");
    }

    private static ProwlerResult ocsf(JsonNode result, String position) throws ReportFormatException {
        JsonNode resource = result.path("resources").path(0);
        JsonNode remediation = result.path("remediation");
        JsonNode unmapped = result.path("unmapped");
        List<String> references = new ArrayList<>(texts(remediation, "references"));
        references.add(text(unmapped, "related_url"));
        references.addAll(texts(unmapped, "additional_urls"));
        return new ProwlerResult(
                status(text(result, "status_code"), position, "status_code"),
                text(result.path("metadata"), "event_code"),
                text(result.path("finding_info"), "title"),
                ocsfSeverity(result),
                firstPresent(text(resource, "uid"), text(resource, "name")),
                text(result, "status_detail"),
                text(result, "risk_details"),
                compliance(unmapped.path("compliance")),
                text(remediation, "desc"),
                references,
                text(result.path("finding_info"), "uid"),
                ocsfMutedReason(result, unmapped));
    }

    private static ProwlerResult prowler3(JsonNode result, String position) throws ReportFormatException {
        JsonNode recommendation = result.path("Remediation").path("Recommendation");
        return new ProwlerResult(
                status(text(result, "Status"), position, "Status"),
                text(result, "CheckID"),
                text(result, "CheckTitle"),
                text(result, "Severity"),
                firstPresent(text(result, "ResourceArn"), text(result, "ResourceId")),
                text(result, "StatusExtended"),
                text(result, "Risk"),
                compliance(result.path("Compliance")),
                text(recommendation, "Text"),
                Arrays.asList(text(recommendation, "Url"), text(result, "RelatedUrl")),
                text(result, "FindingUniqueId"),
                result.path("Muted").asBoolean(false) ? "muted in Prowler" : null);
    }

    private static ProwlerResult prowler2(JsonNode result, String position) throws ReportFormatException {
        LegacyControl control = LegacyControl.parse(text(result, "Control"));
        return new ProwlerResult(
                status(text(result, "Status"), position, "Status"),
                control.checkName() != null ? control.checkName() : text(result, "Control ID"),
                control.title(),
                text(result, "Severity"),
                text(result, "Resource ID"),
                text(result, "Message"),
                text(result, "Risk"),
                null,
                text(result, "Remediation"),
                Arrays.asList(text(result, "Doc link")),
                null,
                null);
    }

    private static ProwlerStatus status(String status, String position, String field) throws ReportFormatException {
        if (status == null) {
            throw new ReportFormatException(ProwlerParser.ID, position, "missing " + field);
        }
        return ProwlerStatus.of(status);
    }

    /** OCSF's severity caption, or its severity_id (1 informational .. 5 critical, 6 fatal) when the caption is absent. */
    private static String ocsfSeverity(JsonNode result) {
        String caption = text(result, "severity");
        if (caption != null) {
            return caption;
        }
        return switch (result.path("severity_id").asInt(0)) {
            case 1 -> "informational";
            case 2 -> "low";
            case 3 -> "medium";
            case 4 -> "high";
            case 5, 6 -> "critical";
            default -> null;
        };
    }

    /**
     * Prowler marks a muted result with the OCSF status "Suppressed" (some builds: "MUTED", also as status_code)
     * or with unmapped.muted.
     */
    private static String ocsfMutedReason(JsonNode result, JsonNode unmapped) {
        for (String field : new String[]{"status", "status_code"}) {
            String status = text(result, field);
            if (status != null && (status.equalsIgnoreCase("suppressed") || status.equalsIgnoreCase("muted"))) {
                return "muted in Prowler (" + field + " " + status + ")";
            }
        }
        return unmapped.path("muted").asBoolean(false) ? "muted in Prowler" : null;
    }

    /** {"CIS-2.0": ["1.10", "1.11"], "SOC2": ["cc_6_1"]} as "CIS-2.0: 1.10, 1.11; SOC2: cc_6_1". */
    private static String compliance(JsonNode frameworks) {
        if (!frameworks.isObject() || frameworks.isEmpty()) {
            return null;
        }
        StringJoiner line = new StringJoiner("; ");
        for (Map.Entry<String, JsonNode> framework : frameworks.properties()) {
            List<String> requirements = texts(frameworks, framework.getKey());
            line.add(requirements.isEmpty() ? framework.getKey() : framework.getKey() + ": " + String.join(", ", requirements));
        }
        return line.toString();
    }

    private static String firstPresent(String first, String second) {
        return first != null ? first : second;
    }
}
