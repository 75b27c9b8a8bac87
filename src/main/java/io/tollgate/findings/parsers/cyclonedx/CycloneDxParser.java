package io.tollgate.findings.parsers.cyclonedx;

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
import java.util.regex.Pattern;

/**
 * CycloneDX bills of materials with vulnerabilities (from Trivy, Grype, Snyk, cdxgen, Dependency-Track...) and VEX
 * documents, in JSON or XML: one finding per vulnerability and affected component. A BOM without vulnerabilities is
 * an empty report.
 */
@ApplicationScoped
public class CycloneDxParser implements ReportParser {

    static final String ID = "cyclonedx";

    private static final Pattern JSON_FORMAT = Pattern.compile("\"bomFormat\"\\s*:\\s*\"CycloneDX\"");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "CycloneDX BOM with vulnerabilities (JSON or XML)",
            "trivy image --format cyclonedx --scanners vuln --output bom.cdx.json <image>"
                    + " (or grype <image> -o cyclonedx-json)", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        if (sample.looksLikeXml()) {
            return XmlHead.of(sample.head())
                    .map(root -> root.localName().equals("bom") && root.text().contains("cyclonedx.org/schema/bom"))
                    .orElse(false);
        }
        return sample.looksLikeJson() && JSON_FORMAT.matcher(sample.head()).find();
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        BufferedInputStream buffered = new BufferedInputStream(report);
        BomReader bom = new BomReader(sink);
        if (ReportSyntax.of(buffered, ID) == ReportSyntax.XML) {
            CycloneDxXmlReport.read(buffered, bom);
        } else {
            CycloneDxJsonReport.read(buffered, bom);
        }
    }
}
