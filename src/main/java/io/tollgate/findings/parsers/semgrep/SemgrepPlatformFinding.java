package io.tollgate.findings.parsers.semgrep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of {@code findings} as the Semgrep AppSec Platform ("Semgrep Pro") API lists them: a code or Supply
 * Chain finding with its triage state. {@code match_based_id} is the same value the CLI writes as fingerprint.
 */
final class SemgrepPlatformFinding {

    private static final Set<String> IGNORED = Set.of("ignored", "provisionally_ignored", "muted");
    private static final Set<String> GONE = Set.of("fixed", "removed");

    private final JsonNode finding;
    private final JsonNode rule;

    private SemgrepPlatformFinding(JsonNode finding) {
        this.finding = finding;
        this.rule = finding.path("rule");
    }

    static SemgrepPlatformFinding read(JsonNode finding, String pointer) throws ReportFormatException {
        if (!finding.isObject()) {
            throw new ReportFormatException(SemgrepParser.ID, pointer, "a finding must be a JSON object");
        }
        if (ruleId(finding) == null) {
            throw new ReportFormatException(SemgrepParser.ID, pointer, "a finding without rule_name");
        }
        return new SemgrepPlatformFinding(finding);
    }

    /** Fixed or removed: no longer in the code, so not a finding of this scan. */
    boolean isGone() {
        return GONE.contains(word("state")) || GONE.contains(word("status"));
    }

    NormalizedFinding toFinding() {
        String ruleId = ruleId(finding);
        String message = Optional.ofNullable(JsonReports.text(finding, "rule_message")).orElse(JsonReports.text(rule, "message"));
        JsonNode location = finding.path("location");
        JsonNode dependency = finding.path("found_dependency");
        boolean ignored = IGNORED.contains(word("triage_state")) || IGNORED.contains(word("status")) || IGNORED.contains(word("state"));
        return NormalizedFinding.builder(SemgrepParser.TOOL)
                .ruleId(ruleId)
                .title(SemgrepMessages.title(message, ruleId))
                .severity(SemgrepSeverity.of(JsonReports.text(finding, "severity")))
                .cweIds(CweIds.parse(JsonReports.texts(rule, "cwe_names")))
                .filePath(JsonReports.text(location, "file_path"))
                .line(JsonReports.integer(location, "line"))
                .packageName(JsonReports.text(dependency, "package"))
                .packageVersion(JsonReports.text(dependency, "version"))
                .fixedVersion(JsonReports.text(finding.path("fix_recommendations").path(0), "version"))
                .vulnerabilityIds(JsonReports.texts(finding, "vulnerability_identifier"))
                .description(SemgrepMessages.description(message, JsonReports.texts(rule, "owasp_names")))
                .remediation(remediation())
                .references(JsonReports.texts(finding, "line_of_code_url"))
                .toolIdentity(JsonReports.text(finding, "match_based_id"))
                .suppressed(ignored, ignored ? triage() : null)
                .build();
    }

    private String remediation() {
        JsonNode assistant = finding.path("assistant");
        String guidance = JsonReports.text(assistant.path("guidance"), "summary");
        String fix = JsonReports.text(assistant.path("autofix"), "fix_code");
        if (fix == null) {
            return guidance;
        }
        return (guidance == null ? "" : guidance + "\n\n") + "Semgrep Assistant suggests:\n" + fix;
    }

    /** "acceptable risk: comment", from the triage reason and comment the team gave. */
    private String triage() {
        String reason = JsonReports.text(finding, "triage_reason");
        String comment = JsonReports.text(finding, "triage_comment");
        String readable = reason == null ? null : reason.replace('_', ' ');
        if (readable == null) {
            return comment == null ? "ignored in Semgrep" : comment;
        }
        return comment == null ? readable : readable + ": " + comment;
    }

    private String word(String field) {
        String value = JsonReports.text(finding, field);
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    private static String ruleId(JsonNode finding) {
        return Optional.ofNullable(JsonReports.text(finding, "rule_name")).orElse(JsonReports.text(finding.path("rule"), "name"));
    }
}
