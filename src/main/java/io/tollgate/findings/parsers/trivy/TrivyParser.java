package io.tollgate.findings.parsers.trivy;

import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.reading.JsonWalker;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Trivy's JSON report ({@code trivy image|fs|config|k8s --format json}): vulnerable packages, misconfigured templates,
 * secrets and licences per scanned target. Reads schema 2, the legacy top-level array of results and the Kubernetes
 * reports, streaming one result (or one workload) at a time.
 */
@ApplicationScoped
public class TrivyParser implements ReportParser {

    static final String ID = "trivy";

    private static final Pattern SCHEMA_VERSION = Pattern.compile("\"SchemaVersion\"\\s*:\\s*\\d");
    private static final Pattern LEGACY_RESULT = Pattern.compile("^\\[\\s*\\{\\s*\"Target\"\\s*:");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "Trivy (JSON)",
            "trivy fs --scanners vuln,misconfig,secret,license --format json --output trivy.json .", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        if (!sample.looksLikeJson()) {
            return false;
        }
        String head = sample.head();
        boolean schema2 = SCHEMA_VERSION.matcher(head).find() && (head.contains("\"ArtifactName\"") || head.contains("\"Results\""));
        boolean kubernetes = head.contains("\"ClusterName\"")
                && (head.contains("\"Resources\"") || head.contains("\"Vulnerabilities\"") || head.contains("\"Misconfigurations\""));
        boolean legacy = LEGACY_RESULT.matcher(sample.trimmedHead()).find()
                && (head.contains("\"VulnerabilityID\"") || head.contains("\"Vulnerabilities\""));
        return schema2 || kubernetes || legacy;
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        new TrivyReport(JsonWalker.open(report, ID), new TrivyFindings(sink)).read();
    }
}
