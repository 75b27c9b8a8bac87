package io.tollgate.findings.parsers.dependencycheck;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.reading.JsonWalker;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.tollgate.findings.parsers.JsonReports.text;
import static io.tollgate.findings.parsers.JsonReports.texts;

/**
 * Dependency-Check's JSON report ({@code dependencies[].vulnerabilities[]} and {@code suppressedVulnerabilities[]}),
 * streamed one dependency at a time.
 */
final class DependencyCheckJsonReport {

    private final JsonWalker walker;
    private final Consumer<CheckedDependency> dependencies;
    private boolean recognised;

    private DependencyCheckJsonReport(JsonWalker walker, Consumer<CheckedDependency> dependencies) {
        this.walker = walker;
        this.dependencies = dependencies;
    }

    static void read(InputStream report, Consumer<CheckedDependency> dependencies) throws ReportFormatException {
        new DependencyCheckJsonReport(JsonWalker.open(report, DependencyCheckParser.ID), dependencies).read();
    }

    private void read() throws ReportFormatException {
        if (walker.current() != JsonToken.START_OBJECT) {
            throw walker.shapeError("", "not a Dependency-Check report: expected an object with dependencies");
        }
        walker.fields("", (name, pointer) -> {
            switch (name) {
                case "reportSchema", "scanInfo" -> {
                    recognised = true;
                    walker.skip();
                }
                case "dependencies" -> walker.elements(pointer, this::dependency);
                default -> walker.skip();
            }
        });
        if (!recognised) {
            throw walker.shapeError("", "not a Dependency-Check report: no reportSchema or scanInfo");
        }
    }

    private void dependency(JsonNode dependency, String pointer) throws ReportFormatException {
        if (!dependency.isObject()) {
            throw walker.shapeError(pointer, "expected a dependency object");
        }
        List<CheckedDependency.Vulnerability> vulnerabilities = new ArrayList<>();
        for (JsonNode vulnerability : dependency.path("vulnerabilities")) {
            vulnerabilities.add(vulnerability(vulnerability, false));
        }
        for (JsonNode vulnerability : dependency.path("suppressedVulnerabilities")) {
            vulnerabilities.add(vulnerability(vulnerability, true));
        }
        dependencies.accept(new CheckedDependency(text(dependency, "fileName"), text(dependency, "filePath"),
                text(dependency.path("packages").path(0), "id"), null, vulnerabilities));
    }

    private static CheckedDependency.Vulnerability vulnerability(JsonNode vulnerability, boolean suppressed) {
        List<String> references = new ArrayList<>();
        for (JsonNode reference : vulnerability.path("references")) {
            String url = text(reference, "url");
            if (url != null) {
                references.add(url.strip());
            }
        }
        return new CheckedDependency.Vulnerability(text(vulnerability, "name"), text(vulnerability, "source"),
                text(vulnerability, "severity"), score(vulnerability, "cvssv4", "baseScore"),
                score(vulnerability, "cvssv3", "baseScore"), score(vulnerability, "cvssv2", "score"),
                texts(vulnerability, "cwes"), text(vulnerability, "description"), text(vulnerability, "notes"),
                references, suppressed);
    }

    private static Double score(JsonNode vulnerability, String cvss, String field) {
        JsonNode score = vulnerability.path(cvss).path(field);
        return score.isNumber() ? score.asDouble() : null;
    }
}
