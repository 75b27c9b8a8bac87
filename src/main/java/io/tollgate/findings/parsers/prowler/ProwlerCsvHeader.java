package io.tollgate.findings.parsers.prowler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The header row of a Prowler CSV report: which column holds which field. */
final class ProwlerCsvHeader {

    private final Map<String, Integer> columns = new HashMap<>();
    private final int size;

    ProwlerCsvHeader(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\uFEFF", "").strip();
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, i);
            }
        }
        size = names.size();
    }

    int size() {
        return size;
    }

    boolean has(String... names) {
        for (String name : names) {
            if (!columns.containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    /** The first non-blank value among the named columns, or {@code null}. */
    String value(List<String> row, String... names) {
        for (String name : names) {
            Integer column = columns.get(name);
            if (column != null && column < row.size() && !row.get(column).isBlank()) {
                return row.get(column).strip();
            }
        }
        return null;
    }
}
