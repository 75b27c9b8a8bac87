package io.tollgate.findings.parsers.dependencycheck;

import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.reading.ReportSyntax;
import io.tollgate.findings.parsers.reading.XmlHead;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * OWASP Dependency-Check's reports of vulnerable libraries (Maven, npm, NuGet, Python...) in XML or JSON: one finding
 * per vulnerability of each dependency, the suppressed ones included and marked so.
 */
@ApplicationScoped
public class DependencyCheckParser implements ReportParser {

    static final String ID = "dependency-check";

    private static final ReportFormat FORMAT = new ReportFormat(ID, "OWASP Dependency-Check (XML or JSON)",
            "dependency-check.sh --scan . --format XML --out dependency-check-report.xml (or --format JSON)", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        if (sample.looksLikeXml()) {
            return XmlHead.of(sample.head())
                    .map(root -> root.localName().equals("analysis") && root.text().toLowerCase().contains("dependencycheck"))
                    .orElse(false);
        }
        return sample.looksLikeJson() && sample.contains("\"reportSchema\"") && sample.contains("\"scanInfo\"");
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        BufferedInputStream buffered = new BufferedInputStream(report);
        Consumer<CheckedDependency> dependencies = dependency -> dependency.vulnerabilities()
                .forEach(vulnerability -> sink.finding(DependencyCheckFindings.of(dependency, vulnerability)));
        if (ReportSyntax.of(buffered, ID) == ReportSyntax.XML) {
            DependencyCheckXmlReport.read(buffered, dependencies);
        } else {
            DependencyCheckJsonReport.read(buffered, dependencies);
        }
    }
}
