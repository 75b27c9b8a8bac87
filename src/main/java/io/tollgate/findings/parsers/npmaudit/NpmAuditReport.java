package io.tollgate.findings.parsers.npmaudit;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.reading.JsonWalker;

import java.io.InputStream;

/**
 * What the npm 6 and the npm 7+ parser do alike before each checks its own shape: the report streamed one entry of
 * its keyed section at a time, the audit taken from under {@code audit} when the report is the output of
 * {@code npm audit fix --dry-run --json}, and a failed audit refused with npm's own message.
 */
final class NpmAuditReport {

    /** Receives one entry of the section a format reads: its key, its value as a tree and its JSON pointer. */
    @FunctionalInterface
    interface EntryHandler {
        void entry(String key, JsonNode value, String pointer) throws ReportFormatException;
    }

    private final String format;
    private final String section;
    private final EntryHandler handler;
    private final JsonWalker walker;
    /** The JSON pointer of the audit: empty, or {@code /audit}. */
    private String pointer = "";
    private boolean sawVersion;
    private boolean sawSection;
    private boolean sawAdvisories;

    private NpmAuditReport(InputStream report, String format, String section, EntryHandler handler) throws ReportFormatException {
        this.format = format;
        this.section = section;
        this.handler = handler;
        this.walker = JsonWalker.open(report, format);
    }

    /** Streams the report, handing each entry of {@code section} (an object keyed by advisory or package) over. */
    static NpmAuditReport read(InputStream report, String format, String section, EntryHandler handler)
            throws ReportFormatException {
        NpmAuditReport npm = new NpmAuditReport(report, format, section, handler);
        if (npm.walker.current() != JsonToken.START_OBJECT) {
            throw npm.walker.shapeError("", "an npm audit report is a JSON object");
        }
        npm.walker.fields("", npm::auditField);
        return npm;
    }

    boolean sawVersion() {
        return sawVersion;
    }

    boolean sawSection() {
        return sawSection;
    }

    boolean sawAdvisories() {
        return sawAdvisories;
    }

    private void auditField(String name, String fieldPointer) throws ReportFormatException {
        switch (name) {
            case "audit" -> {
                if (walker.current() == JsonToken.START_OBJECT) {
                    pointer = fieldPointer;
                    walker.fields(fieldPointer, this::auditField);
                } else {
                    walker.skip();
                }
            }
            case "auditReportVersion" -> {
                sawVersion = true;
                walker.skip();
            }
            case "error" -> {
                JsonNode error = walker.tree();
                if (!error.isNull()) {
                    String summary = error.isObject() ? JsonReports.text(error, "summary") : error.asText();
                    throw new ReportFormatException(format, fieldPointer, "npm audit failed: " + (summary == null ? error : summary));
                }
            }
            default -> {
                if (name.equals(section) && walker.current() == JsonToken.START_OBJECT) {
                    sawSection = true;
                    walker.fields(fieldPointer, (key, entryPointer) -> handler.entry(key, walker.tree(), entryPointer));
                } else {
                    sawAdvisories |= name.equals("advisories") && walker.current() == JsonToken.START_OBJECT;
                    walker.skip();
                }
            }
        }
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
