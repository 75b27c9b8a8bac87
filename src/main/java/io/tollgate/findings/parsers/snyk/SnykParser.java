package io.tollgate.findings.parsers.snyk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Snyk CLI's JSON report for open-source dependencies and container images ({@code snyk test --json},
 * {@code snyk test --all-projects --json}, {@code snyk container test --json}): one project object, or an array of
 * them, each with a {@code vulnerabilities} array. Snyk lists a vulnerability once per dependency path that brings
 * it in, and each path is one finding. Issues ignored in the Snyk policy ({@code filtered.ignore}) and patched ones
 * ({@code filtered.patch}) are suppressed findings; a container scan's {@code applications} are projects too.
 * Streams each project's vulnerabilities one at a time.
 */
@ApplicationScoped
public class SnykParser implements ReportParser {

    static final String ID = "snyk";

    private static final Pattern VULNERABILITIES = Pattern.compile("\"vulnerabilities\"\\s*:\\s*\\[");
    private static final Pattern SNYK_ONLY = Pattern.compile(
            "\"(severityWithCritical|upgradePath|isUpgradable|dependencyCount|licensesPolicy|filesystemPolicy)\"\\s*:");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "Snyk Open Source and Container (JSON)",
            "snyk test --all-projects --json > snyk.json", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        return sample.looksLikeJson()
                && VULNERABILITIES.matcher(sample.head()).find()
                && SNYK_ONLY.matcher(sample.head()).find();
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (JsonParser json = JsonReports.parser(report, ID)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new ReportFormatException(ID, "line 1, column 1", "the report is empty");
            }
            if (first == JsonToken.START_OBJECT) {
                readProject(json, "", sink);
            } else if (first == JsonToken.START_ARRAY) {
                int index = 0;
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    requireProject(json, "/" + index);
                    readProject(json, "/" + index++, sink);
                }
            } else {
                throw new ReportFormatException(ID, JsonReports.position(json.currentTokenLocation()),
                        "a Snyk report is a project object, or an array of them, with a \"vulnerabilities\" array");
            }
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(ID, e);
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one project object, the parser on its opening brace. Its target file may come after its
     * vulnerabilities, so the project's findings are completed and handed over when the object closes.
     */
    private static void readProject(JsonParser json, String pointer, ReportSink sink) throws IOException, ReportFormatException {
        List<NormalizedFinding.Builder> findings = new ArrayList<>();
        String displayTargetFile = null;
        String targetFile = null;
        String error = null;
        boolean sawVulnerabilities = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "vulnerabilities" -> {
                    readVulnerabilities(json, pointer + "/vulnerabilities", findings);
                    sawVulnerabilities = true;
                }
                case "filtered" -> readFiltered(json.readValueAsTree(), findings);
                case "applications" -> readApplications(json, pointer + "/applications", sink);
                case "displayTargetFile" -> displayTargetFile = text(json);
                case "targetFile" -> targetFile = text(json);
                case "error" -> error = text(json);
                default -> json.skipChildren();
            }
        }
        if (!sawVulnerabilities) {
            throw error != null
                    ? new ReportFormatException(ID, pointer + "/error", "Snyk could not test this project: " + error)
                    : new ReportFormatException(ID, pointer + "/vulnerabilities", "missing: a Snyk project lists its issues in \"vulnerabilities\"");
        }
        String location = displayTargetFile != null ? displayTargetFile : targetFile;
        for (NormalizedFinding.Builder finding : findings) {
            sink.finding(finding.filePath(location).build());
        }
    }

    private static void readVulnerabilities(JsonParser json, String pointer, List<NormalizedFinding.Builder> findings)
            throws IOException, ReportFormatException {
        if (!json.isExpectedStartArrayToken()) {
            throw new ReportFormatException(ID, pointer, "expected an array of vulnerabilities");
        }
        int index = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            JsonNode vulnerability = json.readValueAsTree();
            if (vulnerability == null || !vulnerability.isObject()) {
                throw new ReportFormatException(ID, pointer + "/" + index, "a vulnerability is an object");
            }
            findings.add(SnykVulnerabilities.toFinding(vulnerability));
            index++;
        }
    }

    private static void readFiltered(JsonNode filtered, List<NormalizedFinding.Builder> findings) {
        if (filtered == null) {
            return;
        }
        for (JsonNode ignored : filtered.path("ignore")) {
            findings.add(SnykVulnerabilities.toFinding(ignored).suppressed(true, SnykVulnerabilities.ignoreReason(ignored)));
        }
        for (JsonNode patched : filtered.path("patch")) {
            findings.add(SnykVulnerabilities.toFinding(patched).suppressed(true, "a Snyk patch is applied"));
        }
    }

    private static void readApplications(JsonParser json, String pointer, ReportSink sink) throws IOException, ReportFormatException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (!json.isExpectedStartArrayToken()) {
            throw new ReportFormatException(ID, pointer, "expected an array of application projects");
        }
        int index = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            requireProject(json, pointer + "/" + index);
            readProject(json, pointer + "/" + index++, sink);
        }
    }

    /** The current value as text (an object or array as its JSON), or {@code null}. */
    private static String text(JsonParser json) throws IOException {
        JsonNode value = json.readValueAsTree();
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.isBlank() ? null : text;
    }

    private static void requireProject(JsonParser json, String pointer) throws ReportFormatException {
        if (!json.isExpectedStartObjectToken()) {
            throw new ReportFormatException(ID, pointer, "expected a project object");
        }
    }
}
