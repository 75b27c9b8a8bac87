package io.tollgate.findings.parsers.reading;

import io.tollgate.findings.parsers.ReportFormatException;

import java.io.BufferedInputStream;
import java.io.IOException;

/** JSON or XML: for formats that come in both, told from the first significant byte of the report. */
public enum ReportSyntax {
    JSON, XML;

    private static final int LOOK_AHEAD = 8192;

    /**
     * Looks past a byte-order mark and white space at the first byte of the report, and leaves the stream where it
     * was, so that the reader of the chosen syntax starts from the beginning.
     */
    public static ReportSyntax of(BufferedInputStream report, String format) throws ReportFormatException {
        try {
            report.mark(LOOK_AHEAD);
            int first = firstSignificantByte(report);
            report.reset();
            return switch (first) {
                case '{', '[' -> JSON;
                case '<' -> XML;
                case -1 -> throw new ReportFormatException(format, "line 1, column 1", "the report is empty");
                default -> throw new ReportFormatException(format, "line 1, column 1", "the report is neither JSON nor XML");
            };
        } catch (IOException e) {
            throw new ReportFormatException(format, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    private static int firstSignificantByte(BufferedInputStream report) throws IOException {
        for (int read = 0; read < LOOK_AHEAD; read++) {
            int b = report.read();
            boolean byteOrderMark = b == 0xEF || b == 0xBB || b == 0xBF;
            if (b == -1 || !(byteOrderMark || Character.isWhitespace(b))) {
                return b;
            }
        }
        return -1;
    }
}
