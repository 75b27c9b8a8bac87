package io.tollgate.findings.parsers.prowler;

import io.tollgate.findings.parsers.ReportFormatException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text one record at a time: fields in double quotes may hold the delimiter, line breaks and doubled
 * quotes ({@code ""}); CR LF and LF both end a record; blank lines are skipped. Records are numbered from 1 (the
 * header) so that errors can name the "row" a person finds in a spreadsheet.
 */
final class CsvReader {

    private static final int END = -1;
    private static final int NONE = -2;

    private final Reader in;
    private final char delimiter;
    private final String format;
    private int row;
    private int pending = NONE;

    CsvReader(Reader in, char delimiter, String format) {
        this.in = in;
        this.delimiter = delimiter;
        this.format = format;
    }

    /** The number of the record last returned by {@link #next()}. */
    int row() {
        return row;
    }

    /** The next record's fields, or {@code null} at the end of the input. */
    List<String> next() throws IOException, ReportFormatException {
        int c = read();
        while (c == '\n' || c == '\r') {
            c = read();
        }
        if (c == END) {
            return null;
        }
        row++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == END) {
                    throw new ReportFormatException(format, "row " + row, "a quoted field is not closed (truncated report?)");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pending = after;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == END || c == '\n') {
                fields.add(field.toString());
                return fields;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c != '\r') {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pending != NONE) {
            int c = pending;
            pending = NONE;
            return c;
        }
        return in.read();
    }
}
