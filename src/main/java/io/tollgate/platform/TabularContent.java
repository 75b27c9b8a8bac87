package io.tollgate.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tab-separated content table: a header line, then rows; lines starting with {@code #} and blank lines are
 * skipped. Rows keep their line number so that problems can be reported where they are.
 */
public final class TabularContent {

    /** One row, read by column name. */
    public record Row(Path file, int line, Map<String, String> values) {

        /** A required value; a missing or empty one is reported with the file and line. */
        public String get(String column) {
            String value = values.get(column);
            if (value == null || value.isBlank()) {
                throw new ContentException(file, line, "column '" + column + "' is empty");
            }
            return value.strip();
        }

        public String optional(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private TabularContent() {
    }

    public static List<Row> read(Path file, String... requiredColumns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read content file " + file.toAbsolutePath()
                    + " (set TOLLGATE_CONTENT_DIR to Tollgate's content folder)", e);
        }
        List<Row> rows = new ArrayList<>();
        String[] header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header == null) {
                header = cells;
                for (String column : requiredColumns) {
                    if (!List.of(header).contains(column)) {
                        throw new ContentException(file, i + 1, "the header lacks the column '" + column + "'");
                    }
                }
                continue;
            }
            if (cells.length > header.length) {
                throw new ContentException(file, i + 1, "has " + cells.length + " columns, the header " + header.length);
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < cells.length; c++) {
                values.put(header[c].strip(), cells[c]);
            }
            rows.add(new Row(file, i + 1, values));
        }
        if (header == null) {
            throw new ContentException(file, 0, "has no header line");
        }
        return rows;
    }
}
