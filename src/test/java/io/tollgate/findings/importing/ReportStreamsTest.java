package io.tollgate.findings.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportStreamsTest {

    private static final ReportStreams.Limits LIMITS = new ReportStreams.Limits(1L << 31, 1L << 31, 100);

    @Test
    void aGzipBombIsRefusedWhileDecompressingLongBeforeItsEnd() throws IOException {
        byte[] member = gzip(" ".repeat(16 * 1024 * 1024));
        // 3 GiB of white space, about 3 MB gzipped.
        InputStream bomb = new SequenceInputStream(Collections.enumeration(Collections.nCopies(192, (InputStream) null)
                .stream().map(none -> (InputStream) new ByteArrayInputStream(member)).toList()));
        ReportStreams.Upload upload = new ReportStreams.Upload(bomb, LIMITS);

        InputStream report = upload.open();
        assertThatThrownBy(() -> report.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(ReportStreams.TooLargeException.class).hasMessageContaining("more than 100 times");
        assertThat(upload.bytes()).as("compressed bytes read before the refusal").isLessThan(member.length * 2L);
    }

    @Test
    void theLimitCountsDecompressedBytes() throws IOException {
        ReportStreams.Upload upload = new ReportStreams.Upload(new ByteArrayInputStream(gzip("{}" + " ".repeat(5000))),
                new ReportStreams.Limits(1000, 4096, 1000));

        InputStream report = upload.open();
        assertThatThrownBy(() -> report.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(ReportStreams.TooLargeException.class).hasMessageContaining("4096 bytes after decompression");
    }

    @Test
    void theWireLimitCountsBytesAsSent() throws IOException {
        byte[] plain = ("{}" + " ".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        ReportStreams.Upload upload = new ReportStreams.Upload(new ByteArrayInputStream(plain), new ReportStreams.Limits(4096, 1L << 20, 100));

        assertThatThrownBy(() -> upload.open().transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(ReportStreams.TooLargeException.class).hasMessageContaining("4096 bytes as sent");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
