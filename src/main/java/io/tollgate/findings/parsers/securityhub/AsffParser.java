package io.tollgate.findings.parsers.securityhub;

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
 * AWS Security Hub findings in the AWS Security Finding Format (ASFF), as {@code aws securityhub get-findings} writes
 * them ({@code {"Findings": [...]}}) or as a bare array of findings. The findings array is streamed one finding at a
 * time, so that a full account export does not have to fit in memory.
 */
@ApplicationScoped
public class AsffParser implements ReportParser {

    static final String ID = "asff";

    /** An export with no finding has none of the finding fields that identify ASFF, only the CLI's wrapper. */
    private static final Pattern EMPTY_EXPORT =
            Pattern.compile("\\{\\s*\"Findings\"\\s*:\\s*\\[\\s*]\\s*(,\\s*\"NextToken\"\\s*:\\s*(null|\"[^\"]*\")\\s*)?}\\s*");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "AWS Security Hub findings (ASFF)",
            "aws securityhub get-findings --filters '{\"RecordState\":[{\"Value\":\"ACTIVE\",\"Comparison\":\"EQUALS\"}]}'"
                    + " --output json > securityhub.json", 100);

    private final AsffFindingMapper mapper = new AsffFindingMapper();

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
        boolean findingFields = head.contains("\"SchemaVersion\"") && head.contains("\"ProductArn\"")
                && head.contains("\"GeneratorId\"");
        return findingFields || EMPTY_EXPORT.matcher(head).matches();
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (JsonParser json = JsonReports.parser(report, ID)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new ReportFormatException(ID, "line 1, column 1", "the report is empty");
            }
            String arrayPointer;
            if (first == JsonToken.START_ARRAY) {
                arrayPointer = "";
            } else if (first == JsonToken.START_OBJECT) {
                arrayPointer = seekFindingsArray(json);
            } else {
                throw new ReportFormatException(ID, JsonReports.position(json.currentTokenLocation()),
                        "expected an object with a Findings array, or an array of findings");
            }
            readFindings(json, arrayPointer, sink);
            skipToEnd(json);
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(ID, e);
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    /** Moves to the start of the findings array of the CLI's wrapper object and returns its JSON pointer. */
    private static String seekFindingsArray(JsonParser json) throws IOException, ReportFormatException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("Findings") || field.equals("findings")) {
                if (value != JsonToken.START_ARRAY) {
                    throw new ReportFormatException(ID, "/" + field, "Findings must be an array");
                }
                return "/" + field;
            }
            json.skipChildren();
        }
        throw new ReportFormatException(ID, "/Findings", "missing the Findings array");
    }

    private void readFindings(JsonParser json, String arrayPointer, ReportSink sink) throws IOException, ReportFormatException {
        int index = 0;
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            String pointer = arrayPointer + "/" + index++;
            if (token != JsonToken.START_OBJECT) {
                throw new ReportFormatException(ID, pointer, "a finding must be a JSON object");
            }
            mapper.report(json.readValueAsTree(), pointer, sink);
        }
    }

    /** Reads what follows the findings (NextToken, the wrapper's end) so that a truncated export is refused. */
    private static void skipToEnd(JsonParser json) throws IOException {
        while (json.nextToken() != null) {
            json.skipChildren();
        }
    }
}
