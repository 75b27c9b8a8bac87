package io.tollgate.ci.service;

import javax.crypto.Mac;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A webhook body copied to a temporary file as it arrives, fed to the signature MACs on the way, so that the
 * signature is checked before anything is imported and a large report never sits in memory. Closing deletes it.
 */
final class SpooledBody implements AutoCloseable {

    private final Path file;
    private final long size;

    private SpooledBody(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /** Copies at most {@code limit} bytes; a longer body is refused with 413 and leaves nothing behind. */
    static SpooledBody spool(InputStream body, long limit, List<Mac> macs) {
        Path file = null;
        try {
            file = Files.createTempFile("tollgate-webhook-", ".body");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int n; body != null && (n = body.read(buffer)) > 0; ) {
                    size += n;
                    if (size > limit) {
                        throw new WebhookRefusedException(413, "Request too large",
                                "The body is larger than the webhook's limit of " + limit + " bytes; compress the report with gzip");
                    }
                    for (Mac mac : macs) {
                        mac.update(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new SpooledBody(file, size);
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("The webhook body could not be stored", io);
            }
            throw (RuntimeException) e;
        }
    }

    long size() {
        return size;
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
