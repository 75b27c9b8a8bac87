package io.tollgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Hands the one-time passwords made at start-up (the first security admin's, the demo people's) to the operator.
 * On the embedded demo database they are printed in the log; with a real database they go to
 * {@code tollgate.security.admin.one-time-password-file}, readable only by the process owner, so that no log store
 * keeps them. The file is rewritten at each start.
 */
@ApplicationScoped
public class OneTimePasswordNotice {

    private static final Logger LOG = Logger.getLogger(OneTimePasswordNotice.class);

    private final Optional<Path> file;
    private boolean writtenSinceStart;

    OneTimePasswordNotice(SecurityConfig config) {
        this.file = config.admin().oneTimePasswordFile();
    }

    /**
     * Tells the operator: {@code heading} goes to the log in every case, {@code passwords} (lines of Tollgate's own
     * making, not user input: they are logged as they are) only on the embedded database.
     */
    public synchronized void tell(String heading, String passwords) {
        String newLine = System.lineSeparator();
        if (file.isEmpty()) {
            LOG.info(newLine + heading + newLine + passwords + newLine);
            return;
        }
        Path path = file.get().toAbsolutePath();
        try {
            if (!writtenSinceStart) {
                Files.deleteIfExists(path);
                Files.createDirectories(path.getParent());
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                writtenSinceStart = true;
            }
            Files.writeString(path, heading + newLine + passwords + newLine,
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the one-time passwords to " + path, e);
        }
        LOG.infof("%s%n  The one-time passwords are in %s, readable only by the user Tollgate runs as.", heading, path);
    }
}
