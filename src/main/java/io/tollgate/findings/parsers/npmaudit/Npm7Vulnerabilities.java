package io.tollgate.findings.parsers.npmaudit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportSink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * npm 7 and later: {@code vulnerabilities} keyed by package. An entry's {@code via} holds advisory objects when the
 * package itself is vulnerable, and package names when it is vulnerable only through a dependency; only the
 * advisories are findings, each once per package.
 */
final class Npm7Vulnerabilities {

    private final ReportSink sink;
    /** Advisory and package pairs already reported: one per report. */
    private final Set<String> seen = new HashSet<>();

    Npm7Vulnerabilities(ReportSink sink) {
        this.sink = sink;
    }

    /** One entry of {@code vulnerabilities}, keyed by package, at its JSON pointer. */
    void entry(String packageName, JsonNode vulnerable, String pointer) throws ReportFormatException {
        if (!vulnerable.isObject()) {
            throw new ReportFormatException(NpmAuditV7Parser.ID, pointer, "a vulnerable package is an object");
        }
        for (JsonNode via : vulnerable.path("via")) {
            String name = Optional.ofNullable(JsonReports.text(via, "name")).orElse(packageName);
            if (via.isObject() && seen.add(JsonReports.text(via, "source") + " " + name)) {
                sink.finding(toFinding(via, name, vulnerable));
            }
        }
    }

    private static NormalizedFinding toFinding(JsonNode advisory, String name, JsonNode vulnerable) {
        String url = JsonReports.text(advisory, "url");
        JsonNode fix = vulnerable.path("fixAvailable");
        return NormalizedFinding.builder(NpmAdvisories.TOOL)
                .ruleId(JsonReports.text(advisory, "source"))
                .title(NpmAdvisories.title(JsonReports.text(advisory, "title"), name))
                .severity(NpmAdvisories.severity(advisory))
                .cweIds(CweIds.parse(JsonReports.texts(advisory, "cwe")))
                .packageName(name)
                .fixedVersion(name.equals(JsonReports.text(fix, "name")) ? JsonReports.text(fix, "version") : null)
                .vulnerabilityIds(NpmAdvisories.ghsaIds(url))
                .description(description(advisory, vulnerable))
                .remediation(remediation(fix))
                .references(url == null ? List.of() : List.of(url))
                .build();
    }

    private static String description(JsonNode advisory, JsonNode vulnerable) {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(JsonReports.text(advisory, "range")).ifPresent(range -> parts.add("Vulnerable versions: " + range));
        List<String> nodes = JsonReports.texts(vulnerable, "nodes");
        if (!nodes.isEmpty()) {
            parts.add("Installed at: " + String.join(", ", nodes));
        }
        List<String> effects = JsonReports.texts(vulnerable, "effects");
        if (!effects.isEmpty()) {
            parts.add("Makes these packages vulnerable too: " + String.join(", ", effects));
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /** npm's {@code fixAvailable}: true (npm audit fix), an upgrade of some package, or false (no fix). */
    private static String remediation(JsonNode fix) {
        if (fix.isObject()) {
            String upgrade = "Upgrade " + JsonReports.text(fix, "name") + " to " + JsonReports.text(fix, "version");
            return fix.path("isSemVerMajor").asBoolean(false)
                    ? upgrade + ", a semver-major change (npm audit fix --force)."
                    : upgrade + " (npm audit fix).";
        }
        if (fix.isBoolean()) {
            return fix.asBoolean() ? "Run npm audit fix." : "No fix is available yet.";
        }
        return null;
    }
}
