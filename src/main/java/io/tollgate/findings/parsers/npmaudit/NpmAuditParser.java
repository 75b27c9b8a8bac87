package io.tollgate.findings.parsers.npmaudit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * npm's audit report ({@code npm audit --json}), in both shapes: npm 6's {@code advisories} keyed by advisory id,
 * and npm 7 and later's {@code vulnerabilities} keyed by package ({@code auditReportVersion} 2). Either way one
 * finding per advisory and vulnerable package; npm 7's entries for packages that are vulnerable only through a
 * dependency are not findings of their own. Also reads {@code npm audit fix --dry-run --json}, whose report sits
 * under {@code audit}. Audit reports stay small, so the report is read as one tree.
 */
@ApplicationScoped
public class NpmAuditParser implements ReportParser {

    static final String ID = "npm-audit";

    private static final Pattern NPM6 = Pattern.compile("\"advisories\"\\s*:\\s*\\{");
    private static final Pattern NPM6_ONLY = Pattern.compile("\"(muted|actions|runId)\"\\s*:|\"module_name\"\\s*:");
    private static final Pattern NPM7 = Pattern.compile("\"auditReportVersion\"\\s*:");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "npm audit (JSON)";
    }

    @Override
    public String howToProduce() {
        return "npm audit --json > npm-audit.json";
    }

    @Override
    public int detectionOrder() {
        return 100;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        String head = sample.head();
        return sample.trimmedHead().startsWith("{")
                && (NPM7.matcher(head).find() || NPM6.matcher(head).find() && NPM6_ONLY.matcher(head).find());
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        JsonNode tree = JsonReports.readTree(report, ID);
        if (!tree.isObject()) {
            throw new ReportFormatException(ID, "/", "an npm audit report is a JSON object");
        }
        boolean dryRunFix = tree.path("audit").isObject();
        JsonNode audit = dryRunFix ? tree.get("audit") : tree;
        String pointer = dryRunFix ? "/audit" : "";
        JsonNode error = audit.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            String summary = error.isObject() ? JsonReports.text(error, "summary") : error.asText();
            throw new ReportFormatException(ID, pointer + "/error", "npm audit failed: " + (summary == null ? error : summary));
        }
        if (audit.path("advisories").isObject()) {
            Npm6Advisories.read(audit.get("advisories"), sink);
        } else if (audit.has("auditReportVersion") && audit.path("vulnerabilities").isObject()) {
            Npm7Vulnerabilities.read(audit.get("vulnerabilities"), pointer + "/vulnerabilities", sink);
        } else {
            throw new ReportFormatException(ID, pointer + "/vulnerabilities",
                    "missing: an npm audit report has \"advisories\" (npm 6) or \"auditReportVersion\" and \"vulnerabilities\" (npm 7 and later)");
        }
    }
}
