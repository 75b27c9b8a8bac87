package io.tollgate.findings.parsers.semgrep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Semgrep's JSON: the CLI's {@code semgrep --json} output ({@code results}) and the AppSec Platform's findings
 * export ({@code findings}). Streams the arrays one entry at a time, so that large monorepo scans fit in memory.
 */
@ApplicationScoped
public class SemgrepParser implements ReportParser {

    static final String ID = "semgrep";
    static final String TOOL = "Semgrep";

    /** Top-level keys of {@code semgrep --json}; an empty report is recognised by having no others. */
    private static final Set<String> CLI_KEYS = Set.of("version", "results", "errors", "paths", "time", "explanations",
            "interfile_languages_used", "skipped_rules", "engine_requested", "subprojects", "mcp_scan_results");

    /** Detected after the specific formats: a result's {@code check_id} + {@code extra} is specific, but an empty report is only results and errors. */
    private static final ReportFormat FORMAT = new ReportFormat(ID, "Semgrep JSON",
            "semgrep scan --config auto --json --output semgrep.json .", 200);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        if (!sample.trimmedHead().startsWith("{")) {
            return false;
        }
        boolean cliResult = sample.contains("\"check_id\"") && sample.contains("\"extra\"") && sample.contains("\"start\"");
        boolean platformFinding = sample.contains("\"findings\"")
                && (sample.contains("\"match_based_id\"") || sample.contains("\"triage_state\"") && sample.contains("\"rule_name\""));
        return cliResult || platformFinding || isEmptyCliReport(sample);
    }

    private static boolean isEmptyCliReport(ReportSample sample) {
        if (sample.head().length() >= ReportSample.SIZE) {
            return false;
        }
        try {
            JsonNode report = JsonReports.MAPPER.readTree(sample.trimmedHead());
            if (report == null || !report.isObject() || !report.path("results").isArray() || !report.path("errors").isArray()) {
                return false;
            }
            for (Iterator<String> keys = report.fieldNames(); keys.hasNext(); ) {
                if (!CLI_KEYS.contains(keys.next())) {
                    return false;
                }
            }
            return report.path("results").isEmpty();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (JsonParser json = JsonReports.parser(report, ID)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new ReportFormatException(ID, JsonReports.position(json.currentTokenLocation()),
                        "expected a JSON object with results (semgrep --json) or findings (Semgrep AppSec Platform)");
            }
            boolean sawEntries = false;
            while (nextField(json)) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "results" -> {
                        readCliResults(json, sink);
                        sawEntries = true;
                    }
                    case "findings" -> {
                        readPlatformFindings(json, sink);
                        sawEntries = true;
                    }
                    default -> json.skipChildren();
                }
            }
            if (!sawEntries) {
                throw new ReportFormatException(ID, "/results", "missing results: not a Semgrep JSON report");
            }
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(ID, e);
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    private static void readCliResults(JsonParser json, ReportSink sink) throws IOException, ReportFormatException {
        Set<String> matches = new HashSet<>();
        int index = 0;
        for (JsonNode node = firstEntry(json, "/results"); node != null; node = nextEntry(json), index++) {
            SemgrepCliResult result = SemgrepCliResult.read(node, "/results/" + index);
            if (matches.add(result.matchKey())) {
                sink.finding(result.toFinding());
            }
        }
    }

    private static void readPlatformFindings(JsonParser json, ReportSink sink) throws IOException, ReportFormatException {
        int index = 0;
        for (JsonNode node = firstEntry(json, "/findings"); node != null; node = nextEntry(json), index++) {
            SemgrepPlatformFinding finding = SemgrepPlatformFinding.read(node, "/findings/" + index);
            if (!finding.isGone()) {
                sink.finding(finding.toFinding());
            }
        }
    }

    /** Positioned on an array's value: its first entry, or {@code null} for an empty or null array. */
    private static JsonNode firstEntry(JsonParser json, String pointer) throws IOException, ReportFormatException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (json.currentToken() != JsonToken.START_ARRAY) {
            throw new ReportFormatException(ID, pointer, "expected an array");
        }
        return nextEntry(json);
    }

    /** The array's next entry, or {@code null} at its end; a truncated report fails inside Jackson. */
    private static JsonNode nextEntry(JsonParser json) throws IOException {
        JsonToken token = json.nextToken();
        return token == null || token == JsonToken.END_ARRAY ? null : json.readValueAsTree();
    }

    private static boolean nextField(JsonParser json) throws IOException {
        return json.nextToken() == JsonToken.FIELD_NAME;
    }
}
