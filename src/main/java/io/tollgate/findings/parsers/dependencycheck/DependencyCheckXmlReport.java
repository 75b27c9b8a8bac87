package io.tollgate.findings.parsers.dependencycheck;

import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.reading.XmlElement;
import io.tollgate.findings.parsers.reading.XmlWalker;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Dependency-Check's XML report ({@code analysis/dependencies/dependency}), schema 1.x to 2.x, streamed one dependency
 * at a time; the collected evidence, the bulk of the report, is passed over.
 */
final class DependencyCheckXmlReport {

    private static final Set<String> PASSED_OVER = Set.of("evidenceCollected", "relatedDependencies", "vulnerableSoftware");

    private DependencyCheckXmlReport() {
    }

    static void read(InputStream report, Consumer<CheckedDependency> dependencies) throws ReportFormatException {
        XmlWalker walker = XmlWalker.open(report, DependencyCheckParser.ID, Set.of("analysis"));
        for (String element = walker.nextStart(); element != null; element = walker.nextStart()) {
            if (element.equals("dependency")) {
                dependencies.accept(dependency(walker.read(PASSED_OVER)));
            }
        }
    }

    private static CheckedDependency dependency(XmlElement dependency) {
        List<String> packageUrls = new ArrayList<>(dependency.texts("identifiers", "package", "id"));
        packageUrls.addAll(dependency.texts("identifiers", "identifiers", "package", "id"));
        String maven = dependency.path("identifiers", "identifier").stream()
                .filter(identifier -> "maven".equals(identifier.attribute("type")))
                .map(identifier -> identifier.childText("name")).filter(name -> name != null).findFirst().orElse(null);
        List<CheckedDependency.Vulnerability> vulnerabilities = new ArrayList<>();
        for (XmlElement vulnerability : dependency.path("vulnerabilities", "vulnerability")) {
            vulnerabilities.add(vulnerability(vulnerability, false));
        }
        for (XmlElement vulnerability : dependency.path("vulnerabilities", "suppressedVulnerability")) {
            vulnerabilities.add(vulnerability(vulnerability, true));
        }
        for (XmlElement vulnerability : dependency.path("suppressedVulnerabilities", "suppressedVulnerability")) {
            vulnerabilities.add(vulnerability(vulnerability, true));
        }
        return new CheckedDependency(dependency.childText("fileName"), dependency.childText("filePath"),
                packageUrls.isEmpty() ? null : packageUrls.get(0), maven, vulnerabilities);
    }

    private static CheckedDependency.Vulnerability vulnerability(XmlElement vulnerability, boolean suppressed) {
        List<String> cwes = new ArrayList<>(vulnerability.texts("cwe"));
        cwes.addAll(vulnerability.texts("cwes", "cwe"));
        Double cvssV2 = vulnerability.number("cvssV2", "score") != null ? vulnerability.number("cvssV2", "score")
                : vulnerability.number("cvssScore");
        return new CheckedDependency.Vulnerability(vulnerability.childText("name"), vulnerability.attribute("source"),
                vulnerability.childText("severity"), vulnerability.number("cvssV4", "baseScore"),
                vulnerability.number("cvssV3", "baseScore"), cvssV2, cwes,
                oneParagraph(vulnerability.childText("description")), oneParagraph(vulnerability.childText("notes")),
                vulnerability.texts("references", "reference", "url"), suppressed);
    }

    /** The XML report wraps long texts over indented lines; they are single paragraphs. */
    private static String oneParagraph(String text) {
        return text == null ? null : text.replaceAll("\\s*\\n\\s*", " ");
    }
}
