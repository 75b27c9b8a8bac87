package io.tollgate.findings.parsers.grype;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns one Grype match (a vulnerability found in one artifact) into a finding. */
final class GrypeMatches {

    static final String TOOL = "Grype";

    private GrypeMatches() {
    }

    static NormalizedFinding toFinding(JsonNode match, boolean ignored) {
        JsonNode vulnerability = match.path("vulnerability");
        JsonNode artifact = match.path("artifact");
        String id = JsonReports.text(vulnerability, "id");
        String name = printable(JsonReports.text(artifact, "name"));
        String version = printable(JsonReports.text(artifact, "version"));
        String fixedVersion = fixedVersion(vulnerability.path("fix"));
        NormalizedFinding.Builder finding = NormalizedFinding.builder(TOOL)
                .ruleId(id)
                .title(title(id, name, version))
                .severity(severity(match))
                .filePath(JsonReports.text(artifact.path("locations").path(0), "path"))
                .packageName(name)
                .packageVersion(version)
                .fixedVersion(fixedVersion)
                .vulnerabilityIds(vulnerabilityIds(match))
                .description(description(match))
                .remediation(remediation(vulnerability.path("fix"), name, fixedVersion))
                .references(references(vulnerability));
        if (ignored) {
            finding.suppressed(true, ignoreReason(match.path("appliedIgnoreRules")));
        }
        return finding.build();
    }

    private static String title(String id, String name, String version) {
        if (name == null) {
            return id;
        }
        return (id == null ? "Vulnerability" : id) + " in " + name + (version == null ? "" : " " + version);
    }

    /**
     * Grype's own label (Critical, High, Medium, Low, Negligible). When it says Unknown, the highest CVSS v3 or
     * later base score of the vulnerability and its related records decides; without any, MEDIUM.
     */
    private static Severity severity(JsonNode match) {
        String label = JsonReports.text(match.path("vulnerability"), "severity");
        if (label != null && !label.equalsIgnoreCase("unknown")) {
            Optional<Severity> known = Severity.fromLabel(label);
            if (known.isPresent()) {
                return known.get();
            }
        }
        double best = -1;
        List<JsonNode> records = new ArrayList<>();
        records.add(match.path("vulnerability"));
        match.path("relatedVulnerabilities").forEach(records::add);
        for (JsonNode record : records) {
            for (JsonNode cvss : record.path("cvss")) {
                String version = JsonReports.text(cvss, "version");
                JsonNode score = cvss.path("metrics").path("baseScore");
                if (version != null && !version.startsWith("2") && score.isNumber()) {
                    best = Math.max(best, score.asDouble());
                }
            }
        }
        return best >= 0 ? Severity.fromCvss(best) : Severity.MEDIUM;
    }

    private static String fixedVersion(JsonNode fix) {
        List<String> versions = JsonReports.texts(fix, "versions");
        return "fixed".equals(JsonReports.text(fix, "state")) && !versions.isEmpty() ? String.join(", ", versions) : null;
    }

    private static String remediation(JsonNode fix, String name, String fixedVersion) {
        String state = JsonReports.text(fix, "state");
        String what = name == null ? "the package" : name;
        if (fixedVersion != null) {
            return "Upgrade " + what + " to " + fixedVersion + ".";
        }
        if ("wont-fix".equals(state)) {
            return "The maintainers of " + what + " will not fix this vulnerability.";
        }
        if ("not-fixed".equals(state)) {
            return "No fixed version of " + what + " is published yet.";
        }
        return null;
    }

    /** The match's own id first, then the ids of the records it relates to (usually the CVE behind a GHSA). */
    private static List<String> vulnerabilityIds(JsonNode match) {
        Set<String> ids = new LinkedHashSet<>();
        Optional.ofNullable(JsonReports.text(match.path("vulnerability"), "id")).ifPresent(ids::add);
        for (JsonNode related : match.path("relatedVulnerabilities")) {
            Optional.ofNullable(JsonReports.text(related, "id")).ifPresent(ids::add);
        }
        return new ArrayList<>(ids);
    }

    private static String description(JsonNode match) {
        String own = JsonReports.text(match.path("vulnerability"), "description");
        if (own != null) {
            return own;
        }
        for (JsonNode related : match.path("relatedVulnerabilities")) {
            String text = JsonReports.text(related, "description");
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static List<String> references(JsonNode vulnerability) {
        Set<String> urls = new LinkedHashSet<>();
        Optional.ofNullable(JsonReports.text(vulnerability, "dataSource")).ifPresent(urls::add);
        urls.addAll(JsonReports.texts(vulnerability, "urls"));
        return new ArrayList<>(urls);
    }

    /** Why Grype ignored it: the rule's own reason, a VEX status and justification, or the rule's vulnerability. */
    private static String ignoreReason(JsonNode rules) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode rule : rules) {
            String reason = JsonReports.text(rule, "reason");
            String vexStatus = JsonReports.text(rule, "vex-status");
            if (reason != null) {
                reasons.add(reason);
            } else if (vexStatus != null) {
                String justification = JsonReports.text(rule, "vex-justification");
                reasons.add("VEX " + vexStatus + (justification == null ? "" : ": " + justification));
            } else if (JsonReports.text(rule, "vulnerability") != null) {
                reasons.add("ignore rule for " + JsonReports.text(rule, "vulnerability"));
            }
        }
        return reasons.isEmpty() ? "ignored by a Grype ignore rule" : String.join("; ", reasons);
    }

    /** Some binary matches carry control characters (even NUL) in their version; they cannot be stored or shown. */
    private static String printable(String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", "");
    }
}
