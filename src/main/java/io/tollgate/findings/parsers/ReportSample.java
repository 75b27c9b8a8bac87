package io.tollgate.findings.parsers;

import java.util.Locale;

/**
 * The beginning of an uploaded report (at most {@link #SIZE} characters) and its file name, which is all that
 * format detection looks at.
 */
public record ReportSample(String head, String fileName) {

    public static final int SIZE = 64 * 1024;

    public String fileNameLowerCase() {
        return fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    }

    /** The head without leading white space and byte-order mark. */
    public String trimmedHead() {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        return text.stripLeading();
    }

    public boolean looksLikeJson() {
        String text = trimmedHead();
        return text.startsWith("{") || text.startsWith("[");
    }

    public boolean looksLikeXml() {
        return trimmedHead().startsWith("<");
    }

    public boolean contains(String text) {
        return head.contains(text);
    }
}
