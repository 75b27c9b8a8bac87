package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tollgate.findings.parsers.JsonReports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic SARIF log of any number of results, shaped like a code scanner's run over a serverless
 * repository (handlers under src/handlers, a few rules with CWE tags and security-severity, a line-hash fingerprint
 * per result), for the streaming test and the import benchmark. Every result is a finding.
 * <p>
 * From the command line: {@code LargeSarifGenerator <file> <number of results>}.
 */
public final class LargeSarifGenerator {

    private static final String[][] RULES = {
            {"js/sql-injection", "Database query built from user-controlled sources", "external/cwe/cwe-089", "8.8"},
            {"js/code-injection", "Code built from the Lambda event is evaluated", "external/cwe/cwe-094", "9.3"},
            {"js/path-injection", "File path built from user-controlled sources", "external/cwe/cwe-022", "7.5"},
            {"js/log-injection", "Log entry built from user-controlled sources", "external/cwe/cwe-117", "6.1"},
            {"js/missing-rate-limiting", "Handler without rate limiting", "external/cwe/cwe-770", "3.7"},
    };
    private static final int HANDLERS = 250;

    private LargeSarifGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LargeSarifGenerator <file> <number of results>");
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    /** Writes a log of one run with {@code results} results to {@code file}, replacing it. */
    public static void write(Path file, int results) throws IOException {
        try (JsonGenerator json = JsonReports.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            writeTool(json);
            json.writeArrayFieldStart("results");
            for (int i = 0; i < results; i++) {
                writeResult(json, i);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeTool(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "CodeQL");
        json.writeStringField("semanticVersion", "2.20.1");
        json.writeArrayFieldStart("rules");
        for (String[] rule : RULES) {
            json.writeStartObject();
            json.writeStringField("id", rule[0]);
            json.writeObjectFieldStart("shortDescription");
            json.writeStringField("text", rule[1]);
            json.writeEndObject();
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", "warning");
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeArrayFieldStart("tags");
            json.writeString("security");
            json.writeString(rule[2]);
            json.writeEndArray();
            json.writeStringField("security-severity", rule[3]);
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, int i) throws IOException {
        int rule = i % RULES.length;
        json.writeStartObject();
        json.writeStringField("ruleId", RULES[rule][0]);
        json.writeNumberField("ruleIndex", rule);
        json.writeObjectFieldStart("message");
        json.writeStringField("text", RULES[rule][1] + " in handler number " + (i % HANDLERS) + ", occurrence " + i + ".");
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", "src/handlers/handler" + (i % HANDLERS) + ".js");
        json.writeStringField("uriBaseId", "%SRCROOT%");
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", 1 + i / HANDLERS);
        json.writeNumberField("startColumn", 5);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField("primaryLocationLineHash", String.format(Locale.ROOT, "%016x:1", i * 0x9E3779B97F4A7C15L));
        json.writeEndObject();
        json.writeEndObject();
    }
}
