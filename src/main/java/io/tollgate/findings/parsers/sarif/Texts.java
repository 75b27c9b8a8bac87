package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;

/** Small helpers for the optional texts of SARIF objects. */
final class Texts {

    private Texts() {
    }

    /** The first value that is not {@code null}, or {@code null}. */
    @SafeVarargs
    static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The text of a SARIF message or multiformat message string: its plain text, else its Markdown. */
    static String messageText(JsonNode message) {
        return first(JsonReports.text(message, "text"), JsonReports.text(message, "markdown"));
    }
}
