package io.tollgate.findings.parsers.prowler;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
 * Prowler's JSON outputs: JSON-OCSF ({@code -M json-ocsf}, an array of OCSF Detection Findings, Prowler 4 and
 * later), Prowler 3's JSON array, and Prowler 2's JSON lines (one object per line). Results are streamed one at a
 * time.
 */
@ApplicationScoped
public class ProwlerParser implements ReportParser {

    static final String ID = "prowler";

    private static final Pattern PROWLER_PRODUCT = Pattern.compile("\"name\"\\s*:\\s*\"Prowler\"");
    private static final Pattern EMPTY_ARRAY = Pattern.compile("\\[\\s*]\\s*");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "Prowler JSON (JSON-OCSF; Prowler 2 and 3 JSON)",
            "prowler aws -M json-ocsf -o prowler-output", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        if (!sample.looksLikeJson()) {
            return false;
        }
        String head = sample.trimmedHead();
        boolean ocsf = head.contains("\"finding_info\"") && head.contains("\"event_code\"") && PROWLER_PRODUCT.matcher(head).find();
        boolean prowler3 = head.contains("\"FindingUniqueId\"") && head.contains("\"CheckID\"") && head.contains("\"StatusExtended\"");
        boolean prowler2 = head.startsWith("{") && head.contains("\"Account Number\"") && head.contains("\"Control ID\"");
        boolean emptyOcsf = EMPTY_ARRAY.matcher(head).matches() && sample.fileNameLowerCase().endsWith(".ocsf.json");
        return ocsf || prowler3 || prowler2 || emptyOcsf;
    }

    /** An empty input is a Prowler 2 report with no line, which Prowler writes when it has nothing to report. */
    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (JsonParser json = JsonReports.parser(report, ID)) {
            JsonToken first = json.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readArray(json, sink);
            } else if (first == JsonToken.START_OBJECT) {
                readLines(json, sink);
            } else if (first != null) {
                throw new ReportFormatException(ID, position(json),
                        "expected an array of findings (JSON-OCSF, Prowler 3) or one JSON object per line (Prowler 2)");
            }
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(ID, e);
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    private static void readArray(JsonParser json, ReportSink sink) throws IOException, ReportFormatException {
        int index = 0;
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            String pointer = "/" + index++;
            if (token != JsonToken.START_OBJECT) {
                throw new ReportFormatException(ID, pointer, "a finding must be a JSON object");
            }
            ProwlerJsonResults.read(json.readValueAsTree(), pointer).report(sink);
        }
        if (json.nextToken() != null) {
            throw new ReportFormatException(ID, position(json), "unexpected content after the array of findings");
        }
    }

    private static void readLines(JsonParser json, ReportSink sink) throws IOException, ReportFormatException {
        for (JsonToken token = json.currentToken(); token != null; token = json.nextToken()) {
            String position = position(json);
            if (token != JsonToken.START_OBJECT) {
                throw new ReportFormatException(ID, position, "each line must be a JSON object");
            }
            ProwlerJsonResults.read(json.readValueAsTree(), position).report(sink);
        }
    }

    private static String position(JsonParser json) {
        return JsonReports.position(json.currentTokenLocation());
    }
}
