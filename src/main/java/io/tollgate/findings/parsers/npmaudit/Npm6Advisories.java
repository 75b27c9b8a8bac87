package io.tollgate.findings.parsers.npmaudit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** npm 6's report: {@code advisories} keyed by advisory id, each with the installed versions it was found in. */
final class Npm6Advisories {

    /** "&gt;=1.10.2": a patched range that starts at one version, which is then the fixed version. */
    private static final Pattern FROM_VERSION = Pattern.compile("^\\s*>=\\s*(\\d[^\\s|<>=]*)\\s*$");

    private Npm6Advisories() {
    }

    /** One entry of {@code advisories}, keyed by advisory id, at its JSON pointer. */
    static NormalizedFinding finding(String key, JsonNode advisory, String pointer) throws ReportFormatException {
        if (!advisory.isObject()) {
            throw new ReportFormatException(NpmAuditParser.ID, pointer, "an advisory is an object");
        }
        String name = JsonReports.text(advisory, "module_name");
        String url = JsonReports.text(advisory, "url");
        String patched = JsonReports.text(advisory, "patched_versions");
        Set<String> ids = new LinkedHashSet<>(JsonReports.texts(advisory, "cves"));
        ids.addAll(NpmAdvisories.ghsaIds(JsonReports.text(advisory, "github_advisory_id"), url));
        Set<String> references = new LinkedHashSet<>();
        Optional.ofNullable(url).ifPresent(references::add);
        references.addAll(NpmAdvisories.urls(JsonReports.text(advisory, "references")));
        return NormalizedFinding.builder(NpmAdvisories.TOOL)
                .ruleId(Optional.ofNullable(JsonReports.text(advisory, "id")).orElse(key))
                .title(NpmAdvisories.title(JsonReports.text(advisory, "title"), name))
                .severity(NpmAdvisories.severity(advisory))
                .cweIds(CweIds.parse(JsonReports.texts(advisory, "cwe")))
                .packageName(name)
                .packageVersion(installedVersions(advisory))
                .fixedVersion(fixedVersion(patched))
                .vulnerabilityIds(new ArrayList<>(ids))
                .description(description(advisory))
                .remediation(remediation(advisory, patched))
                .references(new ArrayList<>(references))
                .build();
    }

    private static String installedVersions(JsonNode advisory) {
        Set<String> versions = new LinkedHashSet<>();
        for (JsonNode finding : advisory.path("findings")) {
            Optional.ofNullable(JsonReports.text(finding, "version")).ifPresent(versions::add);
        }
        return versions.isEmpty() ? null : String.join(", ", versions);
    }

    private static String fixedVersion(String patched) {
        Matcher matcher = patched == null ? null : FROM_VERSION.matcher(patched);
        return matcher != null && matcher.matches() ? matcher.group(1) : null;
    }

    private static String description(JsonNode advisory) {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(JsonReports.text(advisory, "overview")).map(String::strip).ifPresent(parts::add);
        Optional.ofNullable(JsonReports.text(advisory, "vulnerable_versions")).ifPresent(v -> parts.add("Vulnerable versions: " + v));
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode finding : advisory.path("findings")) {
            paths.addAll(JsonReports.texts(finding, "paths"));
        }
        if (!paths.isEmpty()) {
            parts.add("Introduced through:\n- " + String.join("\n- ", paths));
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    private static String remediation(JsonNode advisory, String patched) {
        String recommendation = JsonReports.text(advisory, "recommendation");
        if (recommendation != null) {
            return recommendation.strip();
        }
        return patched == null || patched.contains("<0.0.0") ? null : "Upgrade to a patched version: " + patched;
    }
}
