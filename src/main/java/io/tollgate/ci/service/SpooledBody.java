package io.tollgate.ci.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A webhook body copied to a temporary file as it arrives, with its SHA-256 computed on the way, so that the signed
 * digest is checked before anything is imported and a large report never sits in memory. The bytes written are held
 * to the per-request limit and claimed from the {@link SpoolBudget} before they are written. Closing deletes the file.
 */
final class SpooledBody implements AutoCloseable {

    private final Path file;
    private final long size;
    private final byte[] digest;

    private SpooledBody(Path file, long size, byte[] digest) {
        this.file = file;
        this.size = size;
        this.digest = digest;
    }

    /**
     * Copies at most {@code limit} bytes into {@code directory}; a longer body is refused with 413, one that passes
     * the budget with 503, and either leaves nothing behind.
     */
    static SpooledBody spool(InputStream body, Path directory, long limit, SpoolBudget.Claim claim) {
        Path file = null;
        try {
            MessageDigest sha256 = WebhookSignature.sha256();
            file = Files.createTempFile(Files.createDirectories(directory), "tollgate-webhook-", ".body");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int n; body != null && (n = body.read(buffer)) > 0; ) {
                    size += n;
                    if (size > limit) {
                        throw new WebhookRefusedException(413, "Request too large",
                                "The body is larger than the webhook's limit of " + limit + " bytes; compress the report with gzip");
                    }
                    claim.cover(size);
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new SpooledBody(file, size, sha256.digest());
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

    /** The SHA-256 of the body as received. */
    byte[] digest() {
        return digest.clone();
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
