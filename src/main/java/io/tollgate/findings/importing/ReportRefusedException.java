package io.tollgate.findings.importing;

import java.util.List;

/**
 * A report Tollgate did not import. Nothing changed; the attempt is in the scan history when its target was
 * known. The status says why: 400 an unknown format was named, 413 too large, 415 no format recognised,
 * 422 the report is malformed, truncated or of another format.
 */
public class ReportRefusedException extends RuntimeException {

    private final int status;
    private final String format;
    private final String position;
    private final String reason;
    private final Long scanId;
    private final List<String> supportedFormats;

    public ReportRefusedException(int status, String format, String position, String reason, Long scanId,
                                  List<String> supportedFormats) {
        super((format == null ? "" : format + ": ") + reason + (position == null ? "" : " (at " + position + ")"));
        this.status = status;
        this.format = format;
        this.position = position;
        this.reason = reason;
        this.scanId = scanId;
        this.supportedFormats = supportedFormats;
    }

    public int status() { return status; }

    public String format() { return format; }

    public String position() { return position; }

    public String reason() { return reason; }

    public Long scanId() { return scanId; }

    public List<String> supportedFormats() { return supportedFormats; }
}
