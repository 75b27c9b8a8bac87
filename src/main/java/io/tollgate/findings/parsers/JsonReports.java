package io.tollgate.findings.parsers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reading JSON reports: one configured mapper, and errors that say where the report broke. */
public final class JsonReports {

    /** Long descriptions and embedded files appear in real reports; the default 20 MB string limit stays. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
            .build();
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonReports() {
    }

    /** The whole report as a tree: for formats whose reports stay small (a few MB). */
    public static JsonNode readTree(InputStream report, String format) throws ReportFormatException {
        try {
            JsonNode tree = MAPPER.readTree(report);
            if (tree == null || tree.isMissingNode()) {
                throw new ReportFormatException(format, "line 1, column 1", "the report is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw malformed(format, e);
        } catch (IOException e) {
            throw new ReportFormatException(format, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    /** A streaming parser, for formats whose reports can be very large. */
    public static JsonParser parser(InputStream report, String format) throws ReportFormatException {
        try {
            return MAPPER.createParser(report);
        } catch (IOException e) {
            throw new ReportFormatException(format, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    public static ReportFormatException malformed(String format, JsonProcessingException e) {
        return new ReportFormatException(format, position(e.getLocation()), "malformed JSON: " + e.getOriginalMessage(), e);
    }

    public static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return null;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A field as text, or {@code null} when absent, null or empty. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.isBlank() ? null : text;
    }

    /** A field as an integer, or {@code null}. */
    public static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asInt();
        }
        try {
            return Integer.valueOf(value.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An array field's values as text; a single value is a list of one; absent is empty. */
    public static List<String> texts(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (value.isArray()) {
            value.forEach(v -> {
                if (!v.isNull() && !v.asText().isBlank()) {
                    texts.add(v.isValueNode() ? v.asText() : v.toString());
                }
            });
        } else if (!value.asText().isBlank()) {
            texts.add(value.asText());
        }
        return texts;
    }

    /** Requires a field of a given node type, or names the JSON pointer where it is missing. */
    public static JsonNode require(JsonNode node, String pointer, String format, String expected) throws ReportFormatException {
        JsonNode value = node.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            throw new ReportFormatException(format, pointer, "missing " + expected);
        }
        return value;
    }
}
