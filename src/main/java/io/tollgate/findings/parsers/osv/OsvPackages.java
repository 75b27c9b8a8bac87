package io.tollgate.findings.parsers.osv;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportSink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns one OSV-Scanner result (a scanned source and its vulnerable packages) into findings. */
final class OsvPackages {

    static final String TOOL = "OSV-Scanner";

    private OsvPackages() {
    }

    static void read(JsonNode result, String pointer, ReportSink sink) throws ReportFormatException {
        String sourcePath = JsonReports.text(result.path("source"), "path");
        JsonNode packages = result.path("packages");
        if (!packages.isMissingNode() && !packages.isNull() && !packages.isArray()) {
            throw new ReportFormatException(OsvScannerParser.ID, pointer + "/packages", "expected an array of packages");
        }
        for (JsonNode vulnerablePackage : packages) {
            OsvSeverities severities = new OsvSeverities(vulnerablePackage);
            for (JsonNode vulnerability : vulnerablePackage.path("vulnerabilities")) {
                sink.finding(toFinding(vulnerability, vulnerablePackage.path("package"), sourcePath, severities));
            }
        }
    }

    private static NormalizedFinding toFinding(JsonNode vulnerability, JsonNode pkg, String sourcePath, OsvSeverities severities) {
        String id = JsonReports.text(vulnerability, "id");
        String name = JsonReports.text(pkg, "name");
        String version = Optional.ofNullable(JsonReports.text(pkg, "version")).orElse(JsonReports.text(pkg, "commit"));
        String fixedVersion = fixedVersion(vulnerability, name);
        String summary = JsonReports.text(vulnerability, "summary");
        return NormalizedFinding.builder(TOOL)
                .ruleId(id)
                .title(summary != null ? summary : title(id, name, version))
                .severity(severities.of(vulnerability))
                .cweIds(cweIds(vulnerability))
                .filePath(sourcePath)
                .packageName(name)
                .packageVersion(version)
                .fixedVersion(fixedVersion)
                .vulnerabilityIds(ids(vulnerability))
                .description(Optional.ofNullable(JsonReports.text(vulnerability, "details")).orElse(summary))
                .remediation(fixedVersion == null ? null : "Upgrade " + (name == null ? "the dependency" : name) + " to " + fixedVersion + ".")
                .references(references(vulnerability))
                .build();
    }

    private static String title(String id, String name, String version) {
        String what = name != null ? name + (version == null ? "" : " " + version) : version;
        return what == null ? id : id + " in " + what;
    }

    private static List<String> ids(JsonNode vulnerability) {
        Set<String> ids = new LinkedHashSet<>();
        Optional.ofNullable(JsonReports.text(vulnerability, "id")).ifPresent(ids::add);
        ids.addAll(JsonReports.texts(vulnerability, "aliases"));
        return new ArrayList<>(ids);
    }

    /** GitHub advisories name their CWEs at the top; other databases per affected package. */
    private static List<Integer> cweIds(JsonNode vulnerability) {
        List<String> texts = new ArrayList<>(JsonReports.texts(vulnerability.path("database_specific"), "cwe_ids"));
        for (JsonNode affected : vulnerability.path("affected")) {
            for (JsonNode cwe : affected.path("database_specific").path("cwes")) {
                Optional.ofNullable(JsonReports.text(cwe, "cweId")).ifPresent(texts::add);
            }
        }
        return CweIds.parse(texts);
    }

    /**
     * Every "fixed" event of the ranges that concern this package (all of them for a git source), in the record's
     * order: a record lists one per release line, e.g. "2.0.7, 1.26.18".
     */
    private static String fixedVersion(JsonNode vulnerability, String packageName) {
        Set<String> fixed = new LinkedHashSet<>();
        for (JsonNode affected : vulnerability.path("affected")) {
            String affectedName = JsonReports.text(affected.path("package"), "name");
            boolean samePackage = packageName == null ? affectedName == null : packageName.equalsIgnoreCase(affectedName);
            if (!samePackage) {
                continue;
            }
            for (JsonNode range : affected.path("ranges")) {
                boolean gitRange = "GIT".equals(JsonReports.text(range, "type"));
                if (gitRange != (packageName == null)) {
                    continue;
                }
                for (JsonNode event : range.path("events")) {
                    Optional.ofNullable(JsonReports.text(event, "fixed")).ifPresent(fixed::add);
                }
            }
        }
        return fixed.isEmpty() ? null : String.join(", ", fixed);
    }

    private static List<String> references(JsonNode vulnerability) {
        Set<String> urls = new LinkedHashSet<>();
        for (JsonNode reference : vulnerability.path("references")) {
            Optional.ofNullable(JsonReports.text(reference, "url")).ifPresent(urls::add);
        }
        return new ArrayList<>(urls);
    }
}
