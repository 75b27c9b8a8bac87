package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Reads SARIF 2.1.0 logs from any producer (CodeQL, Semgrep, Snyk Code, Checkov, Trivy, KICS, gitleaks,
 * SpotBugs...). Every run is read on its own, named after its tool's driver, and its results are streamed one at a
 * time, so that a report of a gigabyte imports in a small heap. docs/formats/sarif.md describes the mapping.
 */
@ApplicationScoped
public class SarifParser implements ReportParser {

    static final String ID = "sarif";

    private static final Pattern SARIF_SCHEMA = Pattern.compile("\"\\$schema\"\\s*:\\s*\"[^\"]*sarif", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION_2_1_0 = Pattern.compile("\"version\"\\s*:\\s*\"2\\.1\\.0\"");

    private static final ReportFormat FORMAT = new ReportFormat(ID,
            "SARIF 2.1.0 (CodeQL, Semgrep, Snyk Code, Checkov, Trivy, KICS, gitleaks and other tools)",
            "semgrep scan --config auto --sarif --output semgrep.sarif .", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        if (sample == null || sample.head() == null || !sample.looksLikeJson() || !sample.contains("\"runs\"")) {
            return false;
        }
        return SARIF_SCHEMA.matcher(sample.head()).find() || VERSION_2_1_0.matcher(sample.head()).find();
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (JsonParser json = JsonReports.parser(report, ID)) {
            new SarifLogReader(json, sink).read();
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(ID, e);
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }
}
