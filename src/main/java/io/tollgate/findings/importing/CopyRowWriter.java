package io.tollgate.findings.importing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes rows in PostgreSQL's COPY text format into a buffer that is taken, row count and bytes, a chunk at a
 * time. Values longer than their column are cut at the column's length.
 */
final class CopyRowWriter {

    private final StringBuilder buffer;
    private boolean firstInRow = true;
    private int rows;

    CopyRowWriter() {
        this(1 << 20);
    }

    CopyRowWriter(int capacity) {
        this.buffer = new StringBuilder(capacity);
    }

    /** Fields encoded earlier by {@link #unfinishedRow()}: values that many rows repeat are encoded once. */
    CopyRowWriter encoded(String fields) {
        separate();
        buffer.append(fields);
        return this;
    }

    CopyRowWriter text(String value, int maxLength) {
        separate();
        if (value == null) {
            buffer.append("\\N");
        } else {
            escape(value.length() > maxLength ? value.substring(0, maxLength) : value);
        }
        return this;
    }

    CopyRowWriter text(String value) {
        return text(value, Integer.MAX_VALUE);
    }

    CopyRowWriter number(Integer value) {
        separate();
        buffer.append(value == null ? "\\N" : value.toString());
        return this;
    }

    CopyRowWriter number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    /** A timestamptz value, in ISO 8601 at UTC. */
    CopyRowWriter instant(Instant value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyRowWriter bool(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    CopyRowWriter integers(List<Integer> values) {
        separate();
        buffer.append('{');
        for (int i = 0; i < values.size(); i++) {
            buffer.append(i == 0 ? "" : ",").append(values.get(i));
        }
        buffer.append('}');
        return this;
    }

    /** A text[] value: each element quoted for the array literal, then escaped for COPY. */
    CopyRowWriter texts(List<String> values, int maxLength) {
        separate();
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            value = value.length() > maxLength ? value.substring(0, maxLength) : value;
            literal.append(i == 0 ? "" : ",").append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        escape(literal.append('}').toString());
        return this;
    }

    void endRow() {
        buffer.append('\n');
        firstInRow = true;
        rows++;
    }

    /** The fields written since the last row ended, encoded, for {@link #encoded(String)}. */
    String unfinishedRow() {
        return buffer.substring(buffer.lastIndexOf("\n") + 1);
    }

    /** Rows written since the last {@link #take()}. */
    int rows() {
        return rows;
    }

    /** The rows written since the last take, encoded for COPY; the buffer starts again empty. */
    byte[] take() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        rows = 0;
        return bytes;
    }

    private void separate() {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
    }

    private void escape(String value) {
        int plain = 0;
        while (plain < value.length() && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        buffer.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                case '\u0000' -> { } // PostgreSQL text cannot hold NUL
                default -> buffer.append(c);
            }
        }
    }

    /** Most values hold none of these: they are copied in one piece up to the first. */
    private static boolean needsEscape(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\u0000';
    }
}
