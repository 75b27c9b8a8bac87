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
    /** Six groups of five of 31 letters: log2(31^30), about 148 bits, above the 128 that ASVS 11.5.1 asks for. */
    private static final int ONE_TIME_PASSWORD_GROUPS = 6;
    private static final int GROUP_LENGTH = 5;

    private Secrets() {
    }

    /** A password a person is given to type once (first sign-in, or after a reset) and must then change. */
    public static String oneTimePassword() {
        return typeable(ONE_TIME_PASSWORD_GROUPS, GROUP_LENGTH);
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
