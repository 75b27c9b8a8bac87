package io.tollgate.findings.parsers.npmaudit;

import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * The audit report of npm 7 and later ({@code npm audit --json}, {@code auditReportVersion} 2): {@code vulnerabilities}
 * keyed by package. One finding per advisory and vulnerable package; entries for packages that are vulnerable only
 * through a dependency are not findings of their own. Also reads {@code npm audit fix --dry-run --json}, whose report
 * sits under {@code audit}. npm 6's shape is refused here with a pointer to {@link NpmAuditParser}, so that each
 * format reads one shape, as DefectDojo's "NPM Audit v7+ Scan" and "NPM Audit Scan" do.
 */
@ApplicationScoped
public class NpmAuditV7Parser implements ReportParser {

    static final String ID = "npm-audit-v7";

    private static final Pattern AUDIT_REPORT_VERSION = Pattern.compile("\"auditReportVersion\"\\s*:");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "npm audit, npm 7 and later (JSON)",
            "npm audit --json > npm-audit.json (with npm 7 or later)", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        return sample.trimmedHead().startsWith("{") && AUDIT_REPORT_VERSION.matcher(sample.head()).find();
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        Npm7Vulnerabilities vulnerabilities = new Npm7Vulnerabilities(sink);
        NpmAuditReport npm = NpmAuditReport.read(report, ID, "vulnerabilities", vulnerabilities::entry);
        if (npm.sawVersion() && npm.sawSection()) {
            return;
        }
        if (npm.sawAdvisories()) {
            throw npm.otherShape("advisories", "an npm 6 report (advisories keyed by advisory id)", NpmAuditParser.ID);
        } else {
            throw new ReportFormatException(ID, npm.pointer("vulnerabilities"),
                    "missing: an npm 7 or later audit report has \"auditReportVersion\" and \"vulnerabilities\", an object keyed by package");
        }
    }
}
