package io.tollgate.findings.parsers.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.ReportFormatException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Walks a large JSON report with Jackson's streaming parser: objects field by field, arrays element by element, and
 * only the elements a parser asks for as small trees. Every position handed to a handler comes with its JSON pointer,
 * and every problem becomes a {@link ReportFormatException} that says where the report broke.
 */
public final class JsonWalker {

    /** Reads the value of one field; the walker stands on the value's first token and the handler must consume it. */
    @FunctionalInterface
    public interface FieldHandler {
        void field(String name, String pointer) throws ReportFormatException;
    }

    /** Reads one array element; the walker stands on the element's first token and the handler must consume it. */
    @FunctionalInterface
    public interface ItemHandler {
        void item(String pointer) throws ReportFormatException;
    }

    /** Receives one array element, read as a tree. */
    @FunctionalInterface
    public interface ElementHandler {
        void element(JsonNode element, String pointer) throws ReportFormatException;
    }

    private final JsonParser parser;
    private final String format;

    private JsonWalker(JsonParser parser, String format) {
        this.parser = parser;
        this.format = format;
    }

    /** Opens the report and moves to the first token of its top-level value; an empty report is refused. */
    public static JsonWalker open(InputStream report, String format) throws ReportFormatException {
        JsonWalker walker = new JsonWalker(JsonReports.parser(report, format), format);
        if (walker.advance() == null) {
            throw new ReportFormatException(format, "line 1, column 1", "the report is empty");
        }
        return walker;
    }

    /** The token the walker stands on. */
    public JsonToken current() {
        return parser.currentToken();
    }

    /** Calls the handler for every field of the object the walker stands on; {@code null} counts as no field. */
    public void fields(String pointer, FieldHandler handler) throws ReportFormatException {
        if (current() == JsonToken.VALUE_NULL) {
            return;
        }
        if (current() != JsonToken.START_OBJECT) {
            throw shapeError(pointer, "expected an object");
        }
        while (advance() == JsonToken.FIELD_NAME) {
            String name = fieldName();
            advance();
            handler.field(name, pointer + "/" + escape(name));
        }
    }

    /** Calls the handler for every element of the array the walker stands on; {@code null} counts as empty. */
    public void items(String pointer, ItemHandler handler) throws ReportFormatException {
        if (current() == JsonToken.VALUE_NULL) {
            return;
        }
        if (current() != JsonToken.START_ARRAY) {
            throw shapeError(pointer, "expected an array");
        }
        int index = 0;
        while (advance() != JsonToken.END_ARRAY) {
            handler.item(pointer + "/" + index++);
        }
    }

    /** Like {@link #items}, handing over each element as a tree: one element in memory at a time. */
    public void elements(String pointer, ElementHandler handler) throws ReportFormatException {
        items(pointer, itemPointer -> handler.element(tree(), itemPointer));
    }

    /** Reads the value the walker stands on as a tree. */
    public JsonNode tree() throws ReportFormatException {
        try {
            return parser.readValueAsTree();
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(format, e, parser);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Passes over the value the walker stands on. */
    public void skip() throws ReportFormatException {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(format, e, parser);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** A report whose JSON is fine but whose structure is not the format's. */
    public ReportFormatException shapeError(String pointer, String reason) {
        return new ReportFormatException(format, pointer.isEmpty() ? "/" : pointer, reason);
    }


    private JsonToken advance() throws ReportFormatException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw JsonReports.malformed(format, e, parser);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private String fieldName() throws ReportFormatException {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }


    private String position() {
        String position = JsonReports.position(parser.currentLocation());
        return position == null ? "end of report" : position;
    }

    private ReportFormatException unreadable(IOException e) {
        return new ReportFormatException(format, position(), "the report could not be read: " + e.getMessage(), e);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
