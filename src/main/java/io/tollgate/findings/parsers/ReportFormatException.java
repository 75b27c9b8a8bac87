package io.tollgate.findings.parsers;

/**
 * A report that a parser cannot read: malformed, truncated or of another format. The message names the format,
 * the position (line and column, or a JSON pointer, or a CSV row) and the reason, for the person who uploaded it.
 */
public class ReportFormatException extends Exception {

    private final String format;
    private final String position;
    private final String reason;

    public ReportFormatException(String format, String position, String reason) {
        super(format + (position == null ? "" : " at " + position) + ": " + reason);
        this.format = format;
        this.position = position;
        this.reason = reason;
    }

    public ReportFormatException(String format, String position, String reason, Throwable cause) {
        this(format, position, reason);
        initCause(cause);
    }

    public String format() {
        return format;
    }

    /** Where in the report, e.g. "line 12, column 4" or "/runs/0/results/3"; may be {@code null}. */
    public String position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
