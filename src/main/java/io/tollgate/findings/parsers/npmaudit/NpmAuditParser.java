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
 * npm 6's audit report ({@code npm audit --json} with npm 6): {@code advisories} keyed by advisory id, one finding
 * per advisory with the installed versions and dependency paths it was found in. npm 7 and later write another
 * shape, which {@link NpmAuditV7Parser} reads; such a report is refused here with a pointer to that format, so that
 * each format reads one shape, as DefectDojo's "NPM Audit Scan" and "NPM Audit v7+ Scan" do.
 */
@ApplicationScoped
public class NpmAuditParser implements ReportParser {

    static final String ID = "npm-audit";

    private static final Pattern ADVISORIES = Pattern.compile("\"advisories\"\\s*:\\s*\\{");
    private static final Pattern NPM6_ONLY = Pattern.compile("\"(muted|actions|runId)\"\\s*:|\"module_name\"\\s*:");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "npm audit, npm 6 (JSON)",
            "npm audit --json > npm-audit.json (with npm 6)", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        String head = sample.head();
        return sample.trimmedHead().startsWith("{") && ADVISORIES.matcher(head).find() && NPM6_ONLY.matcher(head).find();
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        NpmAuditReport npm = NpmAuditReport.read(report, ID, "advisories",
                (key, advisory, pointer) -> sink.finding(Npm6Advisories.finding(key, advisory, pointer)));
        if (npm.sawVersion()) {
            throw npm.otherShape("auditReportVersion", "an npm 7 or later report (it has auditReportVersion)", NpmAuditV7Parser.ID);
        }
        if (!npm.sawSection()) {
            throw new ReportFormatException(ID, npm.pointer("advisories"),
                    "missing: an npm 6 audit report has \"advisories\", an object keyed by advisory id");
        }
    }
}
