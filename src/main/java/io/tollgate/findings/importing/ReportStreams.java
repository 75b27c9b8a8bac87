package io.tollgate.findings.importing;

import io.tollgate.findings.parsers.ReportSample;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The upload as parsers read it: decompressed when gzipped, peekable, and held to three bounds while it streams: the
 * bytes as sent, the bytes after decompression, and how much larger than what was sent the decompressed report may
 * grow. Each is checked as the bytes arrive, so a gzip bomb is refused after a few megabytes, not after inflating.
 */
final class ReportStreams {

    /** Below this many decompressed bytes the ratio is not checked: small reports may compress very well. */
    static final long RATIO_GRACE_BYTES = 1024 * 1024;

    /** Thrown while reading when a report passes one of its bounds; parsers pass it on as the cause. */
    static final class TooLargeException extends IOException {
        TooLargeException(String reason) {
            super(reason);
        }
    }

    /** The bounds of one upload. */
    record Limits(long wireBytes, long reportBytes, int decompressionRatio) {

        static Limits of(FindingsConfig config) {
            return new Limits(config.maxWireBytes(), config.maxReportBytes(), config.maxDecompressionRatio());
        }
    }

    /** Counts bytes and stops past the limit. */
    private static class Counting extends FilterInputStream {
        private final long limit;
        private final String refusal;
        private long count;

        Counting(InputStream in, long limit, String refusal) {
            super(in);
            this.limit = limit;
            this.refusal = refusal;
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

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                add(skipped);
            }
            return skipped;
        }

        void add(long n) throws IOException {
            count += n;
            if (count > limit) {
                throw new TooLargeException(refusal);
            }
        }
    }

    /** The decompressed side of a gzipped upload: also refuses a ratio to the compressed bytes past the bound. */
    private static final class Inflated extends Counting {
        private final Counting wire;
        private final int ratio;

        Inflated(InputStream in, Limits limits, Counting wire) {
            super(in, limits.reportBytes(), "the report is larger than the limit of " + limits.reportBytes()
                    + " bytes after decompression");
            this.wire = wire;
            this.ratio = limits.decompressionRatio();
        }

        @Override
        void add(long n) throws IOException {
            super.add(n);
            if (count() > RATIO_GRACE_BYTES && count() > (double) ratio * wire.count()) {
                throw new TooLargeException("the report decompresses to more than " + ratio + " times its compressed "
                        + "size (" + count() + " bytes from " + wire.count() + "), the limit for gzipped reports");
            }
        }
    }

    /** One upload: counted as sent from the first byte, and once opened, counted as read after decompression. */
    static final class Upload {
        private final Limits limits;
        private final Counting wire;

        Upload(InputStream raw, Limits limits) {
            this.limits = limits;
            this.wire = new Counting(raw, limits.wireBytes(), "the upload is larger than the limit of "
                    + limits.wireBytes() + " bytes as sent");
        }

        /** The report's bytes; gzip is recognised by its magic bytes, whatever the request said. */
        BufferedInputStream open() throws IOException {
            BufferedInputStream in = new BufferedInputStream(wire, 64 * 1024);
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            Counting report = first == 0x1f && second == 0x8b
                    ? new Inflated(new GZIPInputStream(in, 64 * 1024), limits, wire)
                    : new Counting(in, limits.reportBytes(), "the report is larger than the limit of " + limits.reportBytes() + " bytes");
            return new BufferedInputStream(report, 64 * 1024);
        }

        /** Bytes received so far, as sent (compressed when gzipped). */
        long bytes() {
            return wire.count();
        }
    }

    private ReportStreams() {
    }

    /** The first bytes of the report, for format detection; the stream is rewound. */
    static ReportSample sample(BufferedInputStream in, String fileName) throws IOException {
        in.mark(ReportSample.SIZE + 1);
        byte[] head = in.readNBytes(ReportSample.SIZE);
        in.reset();
        return new ReportSample(new String(head, StandardCharsets.UTF_8), fileName);
    }

    /** The bound a report passed, when that is why reading it failed. */
    static Optional<String> tooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException) {
                return Optional.of(t.getMessage());
            }
        }
        return Optional.empty();
    }
}
