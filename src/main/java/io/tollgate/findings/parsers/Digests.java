package io.tollgate.findings.parsers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text, as hexadecimal: to recognise a value again without keeping it. */
public final class Digests {

    /**
     * Never updated, only copied: an import digests every finding's identity, and copying a digest costs a fraction
     * of looking the algorithm up among the security providers each time.
     */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Digests() {
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = (MessageDigest) SHA_256.clone();
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-256 can be copied", e);
        }
    }
}
