package io.tollgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Encrypts and authenticates small values with AES-256-GCM under the key derived from
 * {@code TOLLGATE_SECURITY_SESSION_SECRET}: session cookies, and the TOTP and CI signing secrets kept at rest. Each use binds
 * its own context as associated data, so that a value sealed for one purpose never opens as another. Values that
 * are only compared, never read back (recovery codes), are kept as an HMAC-SHA256 under a second key derived from
 * the same secret.
 */
@ApplicationScoped
public class Sealing {

    private static final Logger LOG = Logger.getLogger(Sealing.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The shortest sealed value: a nonce and a tag. */
    static final int OVERHEAD = NONCE_BYTES + TAG_BITS / 8;

    private final SecretKeySpec key;
    private final SecretKeySpec macKey;
    private final SecureRandom random = new SecureRandom();

    Sealing(SecurityConfig config) {
        byte[] material = sha256(config.sessionSecret().orElseGet(Sealing::ephemeralSecret));
        this.key = new SecretKeySpec(material, "AES");
        this.macKey = new SecretKeySpec(hmac(new SecretKeySpec(material, "HmacSHA256"),
                "tollgate keyed hashes".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** A keyed hash (hex) of a value for the given context: equal values give equal hashes under one secret. */
    public String keyedHash(String value, String context) {
        return HexFormat.of().formatHex(hmac(macKey, (context + "\n" + value).getBytes(StandardCharsets.UTF_8)));
    }

    /** The nonce followed by the ciphertext and its tag. */
    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a value", e);
        }
    }

    /** The plain value, if it was sealed under this key for this context and not altered. */
    public Optional<byte[]> open(byte[] sealed, String context) {
        if (sealed == null || sealed.length < OVERHEAD) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty(); // tampered, truncated or sealed with another secret
        }
    }

    private static String ephemeralSecret() {
        LOG.warn("TOLLGATE_SECURITY_SESSION_SECRET is not set: using a random secret. Sessions, authenticator secrets,"
                + " recovery codes and CI signing secrets end when this process stops and are not shared with other"
                + " instances.");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
