package io.tollgate.findings.parsers.grype;

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
import java.util.regex.Pattern;

/**
 * Anchore Grype's JSON report ({@code grype <target> -o json}): one finding per entry of {@code matches}, and a
 * suppressed one per entry of {@code ignoredMatches}. Streams the match arrays one match at a time, since image
 * scans list thousands of matches.
 */
@ApplicationScoped
public class GrypeParser implements ReportParser {

    static final String ID = "grype";

    private static final Pattern MATCHES = Pattern.compile("\"matches\"\\s*:");
    private static final Pattern GRYPE_ONLY = Pattern.compile(
            "\"matchDetails\"\\s*:|\"relatedVulnerabilities\"\\s*:|\"name\"\\s*:\\s*\"grype\"");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "Anchore Grype (JSON)",
            "grype dir:. -o json --file grype.json", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        return sample.trimmedHead().startsWith("{")
                && MATCHES.matcher(sample.head()).find()
                && GRYPE_ONLY.matcher(sample.head()).find();
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (JsonParser json = JsonReports.parser(report, ID)) {
            if (json.nextToken() == null) {
                throw new ReportFormatException(ID, "line 1, column 1", "the report is empty");
            }
            if (!json.isExpectedStartObjectToken()) {
                throw new ReportFormatException(ID, JsonReports.position(json.currentTokenLocation()),
                        "a Grype report is a JSON object with a \"matches\" array");
            }
            boolean sawMatches = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "matches" -> {
                        readMatches(json, "/matches", false, sink);
                        sawMatches = true;
                    }
                    case "ignoredMatches" -> readMatches(json, "/ignoredMatches", true, sink);
                    default -> json.skipChildren();
                }
            }
            if (!sawMatches) {
                throw new ReportFormatException(ID, "/matches", "missing: a Grype report lists its results in \"matches\"");
            }
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(ID, e);
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    private static void readMatches(JsonParser json, String pointer, boolean ignored, ReportSink sink)
            throws IOException, ReportFormatException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (!json.isExpectedStartArrayToken()) {
            throw new ReportFormatException(ID, pointer, "expected an array of matches");
        }
        int index = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            JsonNode match = json.readValueAsTree();
            String at = pointer + "/" + index++;
            if (match == null || !match.isObject() || !match.path("vulnerability").isObject()) {
                throw new ReportFormatException(ID, at, "a match needs a \"vulnerability\" object");
            }
            sink.finding(GrypeMatches.toFinding(match, ignored));
        }
    }
}
