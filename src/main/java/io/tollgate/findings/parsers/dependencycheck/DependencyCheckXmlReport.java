package io.tollgate.findings.parsers.dependencycheck;

import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.streaming.XmlElement;
import io.tollgate.findings.parsers.streaming.XmlWalker;

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
        Double cvssV2 = score(first(vulnerability.texts("cvssV2", "score"), vulnerability.childText("cvssScore")));
        return new CheckedDependency.Vulnerability(vulnerability.childText("name"), vulnerability.attribute("source"),
                vulnerability.childText("severity"), score(first(vulnerability.texts("cvssV4", "baseScore"), null)),
                score(first(vulnerability.texts("cvssV3", "baseScore"), null)), cvssV2, cwes,
                oneParagraph(vulnerability.childText("description")), oneParagraph(vulnerability.childText("notes")),
                vulnerability.texts("references", "reference", "url"), suppressed);
    }

    /** The XML report wraps long texts over indented lines; they are single paragraphs. */
    private static String oneParagraph(String text) {
        return text == null ? null : text.replaceAll("\\s*\\n\\s*", " ");
    }

    private static String first(List<String> texts, String otherwise) {
        return texts.isEmpty() ? otherwise : texts.get(0);
    }

    static Double score(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
