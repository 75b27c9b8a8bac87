package io.tollgate.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** The random values the session and sign-in cookies carry, and the hashes the server keeps of them. */
final class SessionTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 256 bits in unpadded base64url. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SessionTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hash to look a token up by; nothing for a value that no token could have, so it never reaches the database. */
    static Optional<String> hashOf(String token) {
        return token != null && FORMAT.matcher(token).matches() ? Optional.of(Secrets.sha256Hex(token)) : Optional.empty();
    }
}
