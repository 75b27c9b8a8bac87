package io.tollgate.findings.parsers.semgrep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of {@code results} in {@code semgrep --json} output: a rule that matched a span of code. Code rules and
 * Supply Chain rules (a vulnerable dependency, with {@code extra.sca_info}) share the shape.
 */
final class SemgrepCliResult {

    /** What Semgrep writes as fingerprint when the scan ran without logging in: the same for every result. */
    private static final String NO_FINGERPRINT = "requires login";

    private final JsonNode result;
    private final JsonNode extra;
    private final JsonNode metadata;

    private SemgrepCliResult(JsonNode result) {
        this.result = result;
        this.extra = result.path("extra");
        this.metadata = extra.path("metadata");
    }

    static SemgrepCliResult read(JsonNode result, String pointer) throws ReportFormatException {
        if (!result.isObject()) {
            throw new ReportFormatException(SemgrepParser.ID, pointer, "a result must be a JSON object");
        }
        if (JsonReports.text(result, "check_id") == null) {
            throw new ReportFormatException(SemgrepParser.ID, pointer, "a result without check_id");
        }
        return new SemgrepCliResult(result);
    }

    /**
     * What makes two results the same match: rule, span and fingerprint. Semgrep sometimes writes one match twice
     * (the same rule reached through two configurations); the second copy adds nothing.
     */
    String matchKey() {
        JsonNode start = result.path("start");
        JsonNode end = result.path("end");
        return String.join("\u0000", JsonReports.text(result, "check_id"), String.valueOf(JsonReports.text(result, "path")),
                String.valueOf(JsonReports.integer(start, "line")), String.valueOf(JsonReports.integer(start, "col")),
                String.valueOf(JsonReports.integer(end, "line")), String.valueOf(JsonReports.integer(end, "col")),
                String.valueOf(fingerprint()));
    }

    NormalizedFinding toFinding() {
        String ruleId = JsonReports.text(result, "check_id");
        String message = JsonReports.text(extra, "message");
        JsonNode dependency = extra.path("sca_info").path("dependency_match").path("found_dependency");
        String packageName = JsonReports.text(dependency, "package");
        boolean ignored = extra.path("is_ignored").asBoolean(false);
        return NormalizedFinding.builder(SemgrepParser.TOOL)
                .ruleId(ruleId)
                .title(SemgrepMessages.title(message, ruleId))
                .severity(SemgrepSeverity.of(Optional.ofNullable(JsonReports.text(metadata, "sca-severity")).orElse(JsonReports.text(extra, "severity"))))
                .cweIds(CweIds.parse(JsonReports.texts(metadata, "cwe")))
                .filePath(JsonReports.text(result, "path"))
                .line(JsonReports.integer(result.path("start"), "line"))
                .packageName(packageName)
                .packageVersion(JsonReports.text(dependency, "version"))
                .fixedVersion(fixedVersion(packageName))
                .vulnerabilityIds(advisories())
                .description(SemgrepMessages.description(message, JsonReports.texts(metadata, "owasp")))
                .remediation(remediation())
                .references(references())
                .toolIdentity(fingerprint())
                .suppressed(ignored, ignored ? "ignored in the code with a nosemgrep comment" : null)
                .build();
    }

    private String fingerprint() {
        String fingerprint = JsonReports.text(extra, "fingerprint");
        return NO_FINGERPRINT.equals(fingerprint) ? null : fingerprint;
    }

    private List<String> advisories() {
        Set<String> ids = new LinkedHashSet<>();
        ids.addAll(JsonReports.texts(metadata, "sca-vuln-database-identifier"));
        ids.addAll(JsonReports.texts(metadata, "cve"));
        ids.addAll(JsonReports.texts(metadata, "ghsa"));
        return new ArrayList<>(ids);
    }

    /** Supply Chain rules list fixes as {@code [{"package": "version"}]}; the entry for the found package wins. */
    private String fixedVersion(String packageName) {
        String first = null;
        for (JsonNode fix : metadata.path("sca-fix-versions")) {
            for (Map.Entry<String, JsonNode> entry : fix.properties()) {
                String version = entry.getValue().asText(null);
                if (entry.getKey().equals(packageName)) {
                    return version;
                }
                first = first == null ? version : first;
            }
        }
        return first;
    }

    private String remediation() {
        String fix = JsonReports.text(extra, "fix");
        if (fix != null) {
            return "Semgrep suggests replacing the match with:\n" + fix;
        }
        JsonNode regex = extra.path("fix_regex");
        String pattern = JsonReports.text(regex, "regex");
        return pattern == null ? null
                : "Semgrep suggests replacing /" + pattern + "/ with: " + regex.path("replacement").asText("");
    }

    private List<String> references() {
        Set<String> links = new LinkedHashSet<>(JsonReports.texts(metadata, "references"));
        links.addAll(JsonReports.texts(metadata, "source-rule-url"));
        links.addAll(JsonReports.texts(metadata, "source"));
        return new ArrayList<>(links);
    }
}
