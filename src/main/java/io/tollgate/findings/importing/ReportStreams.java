package io.tollgate.findings.importing;

import io.tollgate.findings.parsers.ReportSample;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** The upload as parsers read it: decompressed when gzipped, counted against the size limit, peekable. */
final class ReportStreams {

    /** Thrown while reading when a report grows past the limit; parsers pass it on as the cause. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("the report is larger than the limit of " + limit + " bytes");
        }
    }

    /** Counts bytes and stops at the limit. */
    static final class Counting extends FilterInputStream {
        private final long limit;
        private long count;

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws TooLargeException {
            count += n;
            if (count > limit) {
                throw new TooLargeException(limit);
            }
        }
    }

    private ReportStreams() {
    }

    /** Gzip is recognised by its magic bytes, whatever the request said. */
    static BufferedInputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024);
        }
        return in;
    }

    /** The first bytes of the report, for format detection; the stream is rewound. */
    static ReportSample sample(BufferedInputStream in, String fileName) throws IOException {
        in.mark(ReportSample.SIZE + 1);
        byte[] head = in.readNBytes(ReportSample.SIZE);
        in.reset();
        return new ReportSample(new String(head, StandardCharsets.UTF_8), fileName);
    }

    static boolean isTooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException) {
                return true;
            }
        }
        return false;
    }
}
