package io.tollgate.findings.parsers.npmaudit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.ReportFormatException;

import java.io.InputStream;

/**
 * What the npm 6 and the npm 7+ parser do alike before each checks its own shape: the report read as one tree (audit
 * reports stay small), the audit taken from under {@code audit} when the report is the output of
 * {@code npm audit fix --dry-run --json}, and a failed audit refused with npm's own message.
 *
 * @param format  the id of the parser reading it, for its errors
 * @param audit   the audit report: the whole document, or its {@code audit} object
 * @param pointer the JSON pointer of {@code audit}: empty, or {@code /audit}
 */
record NpmAuditReport(String format, JsonNode audit, String pointer) {

    static NpmAuditReport read(InputStream report, String format) throws ReportFormatException {
        JsonNode tree = JsonReports.readTree(report, format);
        if (!tree.isObject()) {
            throw new ReportFormatException(format, "/", "an npm audit report is a JSON object");
        }
        boolean dryRunFix = tree.path("audit").isObject();
        NpmAuditReport found = new NpmAuditReport(format, dryRunFix ? tree.get("audit") : tree, dryRunFix ? "/audit" : "");
        JsonNode error = found.audit.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            String summary = error.isObject() ? JsonReports.text(error, "summary") : error.asText();
            throw new ReportFormatException(format, found.pointer("error"), "npm audit failed: " + (summary == null ? error : summary));
        }
        return found;
    }

    /** The JSON pointer of one of the audit's fields, e.g. {@code /audit/vulnerabilities}. */
    String pointer(String field) {
        return pointer + "/" + field;
    }

    /** Refuses a report of the other npm shape at the field that gives it away, naming the format that reads it. */
    ReportFormatException otherShape(String field, String shape, String otherFormat) {
        return new ReportFormatException(format, pointer(field), "this is " + shape + "; the format " + otherFormat + " reads it");
    }
}
