package io.tollgate.findings.parsers.checkov;

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

/**
 * Checkov's JSON report ({@code checkov -d . -o json}): one object per framework (terraform, cloudformation,
 * serverless, sca_package...) with its failed, passed and skipped checks, or a list of such objects when several
 * frameworks ran, or only a summary when nothing was scanned. Failed checks are findings, skipped ones suppressed
 * findings; passed checks are neither. Frameworks are read one at a time.
 */
@ApplicationScoped
public class CheckovParser implements ReportParser {

    static final String ID = "checkov";
    static final String TOOL = "Checkov";

    private static final ReportFormat FORMAT = new ReportFormat(ID, "Checkov JSON",
            "checkov -d . -o json > checkov.json", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    /** {@code check_type} with Checkov's result lists, or the summary with {@code checkov_version}. */
    @Override
    public boolean accepts(ReportSample sample) {
        if (!sample.looksLikeJson()) {
            return false;
        }
        boolean framework = sample.contains("\"check_type\"")
                && (sample.contains("\"failed_checks\"") || sample.contains("\"passed_checks\"") || sample.contains("\"checkov_version\""));
        boolean summaryOnly = sample.contains("\"checkov_version\"") && sample.contains("\"resource_count\"");
        return framework || summaryOnly;
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (JsonParser json = JsonReports.parser(report, ID)) {
            JsonToken root = json.nextToken();
            if (root == JsonToken.START_OBJECT) {
                readFramework(json.readValueAsTree(), "", sink);
            } else if (root == JsonToken.START_ARRAY) {
                int index = 0;
                for (JsonToken token = json.nextToken(); token != null && token != JsonToken.END_ARRAY; token = json.nextToken()) {
                    readFramework(json.readValueAsTree(), "/" + index++, sink);
                }
            } else {
                throw new ReportFormatException(ID, JsonReports.position(json.currentTokenLocation()),
                        "expected a Checkov report object or a list of them");
            }
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(ID, e);
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    private static void readFramework(JsonNode framework, String pointer, ReportSink sink) throws ReportFormatException {
        JsonNode results = framework.path("results");
        if (!results.isObject()) {
            if (framework.has("checkov_version")) {
                return;
            }
            throw new ReportFormatException(ID, pointer + "/results", "missing results: not a Checkov report");
        }
        JsonNode failed = checks(results, "failed_checks", pointer);
        for (int index = 0; index < failed.size(); index++) {
            sink.finding(CheckovCheck.failed(failed.get(index), pointer + "/results/failed_checks/" + index));
        }
        JsonNode skipped = checks(results, "skipped_checks", pointer);
        for (int index = 0; index < skipped.size(); index++) {
            sink.finding(CheckovCheck.skipped(skipped.get(index), pointer + "/results/skipped_checks/" + index));
        }
    }

    /** One list of checks; passed ones are never read. */
    private static JsonNode checks(JsonNode results, String list, String pointer) throws ReportFormatException {
        JsonNode checks = results.path(list);
        if (checks.isMissingNode() || checks.isNull()) {
            return JsonReports.MAPPER.createArrayNode();
        }
        if (!checks.isArray()) {
            throw new ReportFormatException(ID, pointer + "/results/" + list, "expected an array of checks");
        }
        return checks;
    }
}
