package io.tollgate.security;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.jboss.logging.Logger;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of {@link Sealing}: the session secret's, which seals and opens, and one for each previous secret, which
 * only opens, so that the secret can be rotated without losing what was sealed before. Each secret gives, through
 * HKDF-SHA256, a key id (written in front of every value it seals) and a separate AES-256 key for every context.
 * The session secret must be at least {@value #MIN_SECRET_BYTES} random bytes written as base64 or hex.
 */
final class KeyRing {

    static final String SECRET_SETTING = "tollgate.security.session-secret";
    static final String PREVIOUS_SETTING = "tollgate.security.previous-session-secrets";
    /** Length of the key id in front of each sealed value. */
    static final int ID_BYTES = 4;
    static final int MIN_SECRET_BYTES = 32;
    /** 32 random bytes have about 30 different values; fewer than this means a pattern, not randomness. */
    static final int MIN_DISTINCT_BYTES = 16;

    private static final Logger LOG = Logger.getLogger(KeyRing.class);
    private static final byte[] SALT = "tollgate sealing keys".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_ID_INFO = "tollgate key id".getBytes(StandardCharsets.US_ASCII);
    private static final String CONTEXT_INFO = "tollgate seal v1 ";
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern BASE64_URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

    /** The keys one secret gives. */
    static final class Key {
        private final byte[] id;
        private final byte[] pseudorandomKey;
        private final SecretKeySpec unversioned;

        private Key(String secret) {
            byte[] material = secret.getBytes(StandardCharsets.UTF_8);
            this.pseudorandomKey = Hkdf.extract(SALT, material);
            this.id = Hkdf.expand(pseudorandomKey, KEY_ID_INFO, ID_BYTES);
            this.unversioned = new SecretKeySpec(sha256(material), "AES");
        }

        /** The id written in front of the values this key seals. */
        byte[] id() {
            return id.clone();
        }

        String idHex() {
            return HexFormat.of().formatHex(id);
        }

        /** The AES-256 key for one context: every context (cookie, a team's signing secrets, ...) has its own. */
        SecretKeySpec forContext(String context) {
            byte[] info = (CONTEXT_INFO + context).getBytes(StandardCharsets.UTF_8);
            return new SecretKeySpec(Hkdf.expand(pseudorandomKey, info, 32), "AES");
        }

        /** The key of values sealed before key ids existed: one SHA-256 of the secret, for every context. */
        SecretKeySpec unversioned() {
            return unversioned;
        }

        boolean hasId(byte[] sealed, int offset) {
            return sealed.length >= offset + ID_BYTES
                    && MessageDigest.isEqual(id, Arrays.copyOfRange(sealed, offset, offset + ID_BYTES));
        }
    }

    private final List<Key> keys;

    private KeyRing(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The key ring of the configured secrets; without a session secret, one random key for this process.
     *
     * @throws ConfigurationException naming the setting when the session secret is too weak, previous secrets are
     *                                given without it, or a secret is given twice
     */
    static KeyRing of(Optional<String> secret, List<String> previous) {
        if (secret.isEmpty()) {
            if (!previous.isEmpty()) {
                throw new ConfigurationException(PREVIOUS_SETTING + " is set but " + SECRET_SETTING
                        + " (TOLLGATE_SECURITY_SESSION_SECRET) is not: previous secrets only open values, set the current one too");
            }
            LOG.warn("TOLLGATE_SECURITY_SESSION_SECRET is not set: using a random secret. Sessions and sealed secrets"
                    + " end when this process stops and are not shared with other instances.");
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return new KeyRing(List.of(new Key(Base64.getEncoder().encodeToString(random))));
        }
        weakness(secret.get()).ifPresent(reason -> {
            throw new ConfigurationException(SECRET_SETTING + " (TOLLGATE_SECURITY_SESSION_SECRET) is too weak: " + reason
                    + ". It must be at least " + MIN_SECRET_BYTES + " random bytes written as base64 or hex, for example"
                    + " the output of `openssl rand -base64 32`.");
        });
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(secret.get()));
        for (int i = 0; i < previous.size(); i++) {
            String earlier = previous.get(i);
            int entry = i + 1;
            if (earlier.isBlank()) {
                throw new ConfigurationException(PREVIOUS_SETTING + ": entry " + entry + " is empty");
            }
            weakness(earlier).ifPresent(reason -> LOG.warnf("%s: entry %d is weak (%s); it only opens values sealed"
                    + " before, remove it once they are re-sealed", PREVIOUS_SETTING, entry, reason));
            Key key = new Key(earlier);
            if (keys.stream().anyMatch(k -> Arrays.equals(k.id, key.id))) {
                throw new ConfigurationException(PREVIOUS_SETTING + ": entry " + entry + " has the key id of "
                        + SECRET_SETTING + " or of an earlier entry; give each secret once");
            }
            keys.add(key);
        }
        return new KeyRing(keys);
    }

    /**
     * Why a configured secret is too weak, if it is: it must decode (hex, base64 or base64url, padding optional) to
     * at least {@value #MIN_SECRET_BYTES} bytes with at least {@value #MIN_DISTINCT_BYTES} different values. This
     * catches short values, placeholders and patterns; it cannot prove that the bytes are random.
     */
    static Optional<String> weakness(String secret) {
        Optional<byte[]> decoded = decode(secret);
        if (decoded.isEmpty()) {
            return Optional.of("it is neither base64 nor hex (" + secret.length() + " characters)");
        }
        byte[] bytes = decoded.get();
        if (bytes.length < MIN_SECRET_BYTES) {
            return Optional.of("it decodes to " + bytes.length + " bytes");
        }
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : bytes) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                distinct++;
            }
        }
        if (distinct < MIN_DISTINCT_BYTES) {
            return Optional.of("its " + bytes.length + " bytes take only " + distinct + " different values, a pattern");
        }
        return Optional.empty();
    }

    private static Optional<byte[]> decode(String secret) {
        try {
            if (HEX.matcher(secret).matches()) {
                return Optional.of(HexFormat.of().parseHex(secret));
            }
            if (BASE64.matcher(secret).matches()) {
                return Optional.of(Base64.getDecoder().decode(secret));
            }
            if (BASE64_URL.matcher(secret).matches()) {
                return Optional.of(Base64.getUrlDecoder().decode(secret));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a length that base64 cannot have
        }
        return Optional.empty();
    }

    /** The key that seals. */
    Key current() {
        return keys.get(0);
    }

    /** The key whose id starts at {@code offset}, if it is one of this ring's. */
    Optional<Key> withId(byte[] sealed, int offset) {
        return keys.stream().filter(key -> key.hasId(sealed, offset)).findFirst();
    }

    /** Every key, the current one first. */
    List<Key> all() {
        return keys;
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
