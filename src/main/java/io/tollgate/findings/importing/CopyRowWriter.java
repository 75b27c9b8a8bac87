package io.tollgate.findings.importing;

import org.postgresql.copy.CopyIn;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows in PostgreSQL's COPY text format, encoded in UTF-8, into segments of 64 KiB that are taken a chunk at
 * a time. Values longer than their column are cut at the column's length.
 * <p>
 * The rows go straight into bytes: a chunk of 10,000 findings is about 5 MB, which as one array (or as a string
 * first) would be a "humongous" object to the G1 collector, allocated outside the young generation and starting
 * concurrent collections; segments stay small.
 */
final class CopyRowWriter {

    private static final int SEGMENT_BYTES = 64 * 1024;
    private static final byte[] NULL = {'\\', 'N'};

    /** Rows in COPY text format, as segments; the last one is filled up to {@code lastLength}. */
    record Rows(List<byte[]> segments, int lastLength, int count) {

        void writeTo(CopyIn copy) throws SQLException {
            for (int i = 0; i < segments.size(); i++) {
                byte[] segment = segments.get(i);
                copy.writeToCopy(segment, 0, i == segments.size() - 1 ? lastLength : segment.length);
            }
        }
    }

    private final int segmentBytes;
    private List<byte[]> segments = new ArrayList<>();
    private byte[] segment;
    private int position;
    private boolean firstInRow = true;
    private int rows;

    CopyRowWriter() {
        this(SEGMENT_BYTES);
    }

    CopyRowWriter(int segmentBytes) {
        this.segmentBytes = segmentBytes;
        this.segment = new byte[segmentBytes];
    }

    CopyRowWriter text(String value, int maxLength) {
        separate();
        if (value == null) {
            put(NULL);
        } else {
            escape(value, Math.min(value.length(), maxLength));
        }
        return this;
    }

    CopyRowWriter text(String value) {
        return text(value, Integer.MAX_VALUE);
    }

    CopyRowWriter number(Integer value) {
        separate();
        if (value == null) {
            put(NULL);
        } else {
            putAscii(value.toString());
        }
        return this;
    }

    CopyRowWriter number(long value) {
        separate();
        putAscii(Long.toString(value));
        return this;
    }

    /** A timestamptz value, in ISO 8601 at UTC. */
    CopyRowWriter instant(Instant value) {
        separate();
        putAscii(value.toString());
        return this;
    }

    CopyRowWriter bool(boolean value) {
        separate();
        put((byte) (value ? 't' : 'f'));
        return this;
    }

    CopyRowWriter integers(List<Integer> values) {
        separate();
        put((byte) '{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                put((byte) ',');
            }
            putAscii(values.get(i).toString());
        }
        put((byte) '}');
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
        String array = literal.append('}').toString();
        escape(array, array.length());
        return this;
    }

    /** Fields written by {@link #fields()} of another writer: values that many rows repeat are encoded once. */
    CopyRowWriter encoded(byte[] fields) {
        separate();
        put(fields);
        return this;
    }

    void endRow() {
        put((byte) '\n');
        firstInRow = true;
        rows++;
    }

    /** Rows written since the last {@link #take()}. */
    int rows() {
        return rows;
    }

    /** The rows written since the last take; the writer starts again empty. */
    Rows take() {
        segments.add(segment);
        Rows taken = new Rows(segments, position, rows);
        segments = new ArrayList<>();
        segment = new byte[segmentBytes];
        position = 0;
        rows = 0;
        return taken;
    }

    /** All that was written, as one array: for a few fields that rows repeat (see {@link #encoded}). */
    byte[] fields() {
        Rows written = take();
        byte[] all = new byte[(written.segments().size() - 1) * segmentBytes + written.lastLength()];
        for (int i = 0; i < written.segments().size(); i++) {
            byte[] part = written.segments().get(i);
            System.arraycopy(part, 0, all, i * segmentBytes, i == written.segments().size() - 1 ? written.lastLength() : part.length);
        }
        return all;
    }

    private void separate() {
        if (!firstInRow) {
            put((byte) '\t');
        }
        firstInRow = false;
    }

    /**
     * The first {@code length} characters, escaped for COPY and encoded in UTF-8. Runs of printable ASCII, most of
     * what reports hold, are copied straight into the segment; other characters go one at a time.
     */
    private void escape(String value, int length) {
        int i = 0;
        while (i < length) {
            byte[] target = segment;
            int at = position;
            int end = Math.min(length, i + target.length - at);
            while (i < end) {
                char c = value.charAt(i);
                if (c < 0x20 || c >= 0x80 || c == '\\') {
                    break;
                }
                target[at++] = (byte) c;
                i++;
            }
            position = at;
            if (i < end) {
                i = escapeOne(value, i, length);
            } else if (i < length) {
                nextSegment();
            }
        }
    }

    /** The character at {@code i} (with its pair's second half), escaped and encoded; the index after it. */
    private int escapeOne(String value, int i, int length) {
        char c = value.charAt(i);
        if (c < 0x80) {
            switch (c) {
                case '\\' -> putTwo('\\', '\\');
                case '\t' -> putTwo('\\', 't');
                case '\n' -> putTwo('\\', 'n');
                case '\r' -> putTwo('\\', 'r');
                case '\u0000' -> { } // PostgreSQL text cannot hold NUL
                default -> put((byte) c);
            }
        } else if (c < 0x800) {
            put((byte) (0xC0 | c >> 6));
            put((byte) (0x80 | c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
            int codePoint = Character.toCodePoint(c, value.charAt(++i));
            put((byte) (0xF0 | codePoint >> 18));
            put((byte) (0x80 | codePoint >> 12 & 0x3F));
            put((byte) (0x80 | codePoint >> 6 & 0x3F));
            put((byte) (0x80 | codePoint & 0x3F));
        } else if (Character.isSurrogate(c)) {
            put((byte) '?'); // half of a pair: not a character, as String.getBytes would have it
        } else {
            put((byte) (0xE0 | c >> 12));
            put((byte) (0x80 | c >> 6 & 0x3F));
            put((byte) (0x80 | c & 0x3F));
        }
        return i + 1;
    }

    private void putAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            put((byte) value.charAt(i));
        }
    }

    private void putTwo(char first, char second) {
        put((byte) first);
        put((byte) second);
    }

    private void put(byte[] bytes) {
        for (byte b : bytes) {
            put(b);
        }
    }

    private void put(byte b) {
        if (position == segment.length) {
            nextSegment();
        }
        segment[position++] = b;
    }

    private void nextSegment() {
        segments.add(segment);
        segment = new byte[segmentBytes];
        position = 0;
    }
}
