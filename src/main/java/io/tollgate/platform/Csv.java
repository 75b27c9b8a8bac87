package io.tollgate.platform;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV (RFC 4180) for exports. Cells that a spreadsheet would take for a formula are prefixed with an apostrophe,
 * since names come from people.
 */
public final class Csv {

    private Csv() {
    }

    /** One line of cells, ended by CRLF. */
    public static String line(Stream<String> cells) {
        return cells.map(Csv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    public static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
