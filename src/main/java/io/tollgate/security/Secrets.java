package io.tollgate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random values people type (one-time passwords, recovery codes), and the SHA-256 that API tokens are kept as. */
public final class Secrets {

    /** No 0/O or 1/l/I: codes are read off a screen and typed. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** Groups of characters joined by hyphens, e.g. {@code k3m9q-x7pwa-...}. */
    public static String typeable(int groups, int groupLength) {
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                out.append('-');
            }
            for (int i = 0; i < groupLength; i++) {
                out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return out.toString();
    }

    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
