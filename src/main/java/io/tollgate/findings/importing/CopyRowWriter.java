package io.tollgate.findings.importing;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes rows in PostgreSQL's COPY text format to an open COPY, in chunks, so that reports of any size stream to
 * the database without being held in memory. Values longer than their column are cut at the column's length.
 */
final class CopyRowWriter {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 64 * 1024);
    private boolean firstInRow = true;

    CopyRowWriter(CopyIn copy) {
        this.copy = copy;
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

    void endRow() throws SQLException {
        buffer.append('\n');
        firstInRow = true;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    void cancel() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private void separate() {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
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
}
