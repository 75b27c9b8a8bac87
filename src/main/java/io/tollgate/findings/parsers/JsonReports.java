package io.tollgate.findings.parsers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reading JSON reports: one configured mapper, and errors that say where the report broke. */
public final class JsonReports {

    /** How deep objects and arrays may nest; real reports stay below twenty levels. */
    public static final int MAX_DEPTH = 100;
    /**
     * The longest string read, in characters: long descriptions and embedded files appear in real reports; what a
     * finding keeps of them is cut much shorter (see {@link NormalizedFinding}).
     * Jackson holds a string whole before handing it over, so a longer one is refused rather than cut.
     */
    public static final int MAX_STRING_CHARS = 20_000_000;
    /**
     * The most tokens one value read as a tree may have (a result, a leak, an advisory, a Checkov framework): about
     * a hundred megabytes of tree at worst. Parsers read large reports one such value at a time.
     */
    public static final int MAX_TREE_TOKENS = 2_000_000;
    /** The most characters of string values one value read as a tree may hold. */
    public static final int MAX_TREE_CHARS = 32_000_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS).build())
            .build();
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonReports() {
    }

    /** A streaming parser whose trees are held to {@link #MAX_TREE_TOKENS}. */
    public static JsonParser parser(InputStream report, String format) throws ReportFormatException {
        try {
            return bounded(MAPPER.createParser(report));
        } catch (IOException e) {
            throw new ReportFormatException(format, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    /** Holds the trees read from a parser of {@link #MAPPER} to {@link #MAX_TREE_TOKENS}. */
    public static JsonParser bounded(JsonParser parser) {
        return new TreeBoundParser(parser);
    }

    public static ReportFormatException malformed(String format, JsonProcessingException e) {
        return new ReportFormatException(format, position(e.getLocation()), reason(e), e);
    }

    /** As {@link #malformed(String, JsonProcessingException)}, placed where the parser stands when Jackson says not. */
    public static ReportFormatException malformed(String format, JsonProcessingException e, JsonParser parser) {
        String position = position(e.getLocation());
        return new ReportFormatException(format, position != null ? position : position(parser.currentLocation()), reason(e), e);
    }

    /** Jackson's words for a broken report; its own for the limits above, which Jackson words for programmers. */
    private static String reason(JsonProcessingException e) {
        if (!(e instanceof StreamConstraintsException)) {
            return "malformed JSON: " + e.getOriginalMessage();
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "objects and arrays nest deeper than " + MAX_DEPTH + " levels, more than Tollgate reads";
        }
        if (message.contains("String value length")) {
            return "a string is longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_STRING_CHARS)
                    + " characters, more than Tollgate reads";
        }
        return message;
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
}
