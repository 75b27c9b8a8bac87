package io.tollgate.findings.parsers.osv;

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
 * OSV-Scanner's JSON report ({@code osv-scanner --format json}): one finding per vulnerability of each package of
 * each scanned source (lock file, SBOM, git repository). Streams the {@code results} array one source at a time.
 * An empty file holds nothing to read. OSV-Scanner writes nothing when it found no source to scan or failed; the
 * import refuses empty uploads, so such a run cannot close the component's open findings.
 */
@ApplicationScoped
public class OsvScannerParser implements ReportParser {

    static final String ID = "osv-scanner";

    private static final Pattern RESULTS = Pattern.compile("\"results\"\\s*:");
    private static final Pattern OSV_ONLY = Pattern.compile(
            "\"experimental_config\"\\s*:|\"source\"\\s*:\\s*\\{\\s*\"path\"[^{}]*\"type\"\\s*:\\s*\"(lockfile|sbom|git|docker|os)\"");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "OSV-Scanner (JSON)",
            "osv-scanner --format json --output osv.json -r .", 200);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        return sample.trimmedHead().startsWith("{")
                && RESULTS.matcher(sample.head()).find()
                && OSV_ONLY.matcher(sample.head()).find();
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (JsonParser json = JsonReports.parser(report, ID)) {
            if (json.nextToken() == null) {
                return; // nothing to read; the import refuses empty uploads before any parser sees them
            }
            if (!json.isExpectedStartObjectToken()) {
                throw new ReportFormatException(ID, JsonReports.position(json.currentTokenLocation()),
                        "an OSV-Scanner report is a JSON object with a \"results\" array");
            }
            boolean sawResults = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("results")) {
                    readResults(json, sink);
                    sawResults = true;
                } else {
                    json.skipChildren();
                }
            }
            if (!sawResults) {
                throw new ReportFormatException(ID, "/results", "missing: an OSV-Scanner report lists its sources in \"results\"");
            }
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(ID, e);
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    private static void readResults(JsonParser json, ReportSink sink) throws IOException, ReportFormatException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (!json.isExpectedStartArrayToken()) {
            throw new ReportFormatException(ID, "/results", "expected an array of scanned sources");
        }
        int index = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            JsonNode result = json.readValueAsTree();
            String pointer = "/results/" + index++;
            if (result == null || !result.isObject()) {
                throw new ReportFormatException(ID, pointer, "a result is an object with \"source\" and \"packages\"");
            }
            OsvPackages.read(result, pointer, sink);
        }
    }
}
