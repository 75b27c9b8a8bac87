package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Walks a SARIF log as a stream of tokens, so that memory holds one result at a time whatever the size of the
 * report: the log object, each of its runs, the run's {@code tool} and {@code taxonomies} read as (small) trees,
 * then its {@code results} array one element at a time. Everything else in a run (artifacts, invocations, graphs)
 * is skipped without being built.
 * <p>
 * Results need their run's tool to resolve their rules, and producers write {@code tool} first. When a run lists
 * its results before its tool, the results array is copied unchanged to a temporary file (readable by this process
 * only), read a second time once the whole run has been seen, and deleted: a second pass over a spooled copy keeps
 * memory bounded in that order too.
 */
final class SarifLogReader {

    private final JsonParser json;
    private final ReportSink sink;
    private final SarifResultMapper mapper = new SarifResultMapper();

    SarifLogReader(JsonParser json, ReportSink sink) {
        this.json = json;
        this.sink = sink;
    }

    void read() throws IOException, ReportFormatException {
        JsonToken first = json.nextToken();
        if (first == null) {
            throw new ReportFormatException(SarifParser.ID, "line 1, column 1", "the report is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ReportFormatException(SarifParser.ID, JsonReports.position(json.currentTokenLocation()),
                    "a SARIF log is a JSON object with a \"runs\" array");
        }
        boolean hasRuns = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if ("runs".equals(field)) {
                readRuns();
                hasRuns = true;
            } else {
                json.skipChildren();
            }
        }
        if (!hasRuns) {
            throw new ReportFormatException(SarifParser.ID, "/runs", "no \"runs\" array: this is not a SARIF log");
        }
    }

    private void readRuns() throws IOException, ReportFormatException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            throw new ReportFormatException(SarifParser.ID, "/runs", "\"runs\" is null: the tool could not produce its log");
        }
        if (token != JsonToken.START_ARRAY) {
            throw new ReportFormatException(SarifParser.ID, "/runs", "\"runs\" must be an array");
        }
        int index = 0;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            String pointer = "/runs/" + index;
            if (token != JsonToken.START_OBJECT) {
                throw new ReportFormatException(SarifParser.ID, pointer, "a run must be a JSON object");
            }
            readRun(pointer);
            index++;
        }
    }

    private void readRun(String pointer) throws IOException, ReportFormatException {
        JsonNode tool = null;
        JsonNode taxonomies = null;
        boolean hasResults = false;
        Path spooledResults = null;
        try {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "tool" -> tool = json.readValueAsTree();
                    case "taxonomies" -> taxonomies = json.readValueAsTree();
                    case "results" -> {
                        if (hasResults) {
                            throw new ReportFormatException(SarifParser.ID, pointer + "/results", "a run has a single \"results\" array");
                        }
                        hasResults = true;
                        if (value == JsonToken.START_ARRAY && tool != null) {
                            mapResults(json, SarifRun.of(tool, taxonomies, pointer));
                        } else if (value == JsonToken.START_ARRAY) {
                            spooledResults = spool();
                        } else if (value != JsonToken.VALUE_NULL) {
                            throw new ReportFormatException(SarifParser.ID, pointer + "/results", "\"results\" must be an array");
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (tool == null) {
                throw new ReportFormatException(SarifParser.ID, pointer + "/tool", "a run must name the tool that produced it");
            }
            if (spooledResults != null) {
                replay(spooledResults, SarifRun.of(tool, taxonomies, pointer));
            }
        } finally {
            if (spooledResults != null) {
                Files.deleteIfExists(spooledResults);
            }
        }
    }

    /** Maps the elements of a results array, from the token after its start to its end. */
    private void mapResults(JsonParser results, SarifRun run) throws IOException, ReportFormatException {
        int index = 0;
        JsonToken token;
        while ((token = results.nextToken()) != JsonToken.END_ARRAY) {
            String pointer = run.pointer() + "/results/" + index;
            if (token != JsonToken.START_OBJECT) {
                throw new ReportFormatException(SarifParser.ID, pointer, "a result must be a JSON object");
            }
            JsonNode result = results.readValueAsTree();
            List<NormalizedFinding> findings;
            try {
                findings = mapper.map(result, run);
            } catch (RuntimeException e) {
                throw new ReportFormatException(SarifParser.ID, pointer, "this result cannot be read: " + e.getMessage(), e);
            }
            findings.forEach(sink::finding);
            index++;
        }
    }

    private Path spool() throws IOException {
        Path file = Files.createTempFile("tollgate-sarif-results-", ".json");
        try (JsonGenerator copy = JsonReports.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            copy.copyCurrentStructure(json);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private void replay(Path spooledResults, SarifRun run) throws IOException, ReportFormatException {
        try (JsonParser results = JsonReports.bounded(JsonReports.MAPPER.createParser(spooledResults.toFile()))) {
            results.nextToken();
            mapResults(results, run);
        }
    }
}
