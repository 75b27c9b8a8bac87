package io.tollgate.platform;

import java.nio.file.Path;

/** A content file Tollgate cannot use; the message names the file, the line and what is wrong. */
public class ContentException extends RuntimeException {

    public ContentException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
