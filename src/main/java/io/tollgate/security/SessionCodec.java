package io.tollgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals session state into cookie values with AES-256-GCM, so that any instance that shares the secret can serve
 * any request and nothing is kept on the server. The cookie name is bound into the seal: a value sealed for one
 * cookie cannot be replayed as another.
 */
@ApplicationScoped
public class SessionCodec {

    private static final Logger LOG = Logger.getLogger(SessionCodec.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SessionCodec(SecurityConfig config) {
        this.key = new SecretKeySpec(sha256(config.sessionSecret().orElseGet(SessionCodec::ephemeralSecret)), "AES");
    }

    /** What a sealed cookie carries: whose it is, for which session epoch, a stage, and until when it is valid. */
    public record Claims(long personId, int epoch, String stage, Instant expiresAt) {
    }

    public String seal(String cookieName, Claims claims) {
        byte[] stage = claims.stage().getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(8 + 4 + 8 + stage.length)
                .putLong(claims.personId()).putInt(claims.epoch()).putLong(claims.expiresAt().getEpochSecond()).put(stage);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(cookieName.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a session", e);
        }
    }

    /** The claims of a cookie value, if it was sealed by this secret for that cookie and has not expired. */
    public Optional<Claims> open(String cookieName, String value, Instant now) {
        if (value == null || value.isEmpty() || value.length() > 4096) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(value);
            if (raw.length < NONCE_BYTES + 20) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(cookieName.getBytes(StandardCharsets.UTF_8));
            ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES));
            long personId = plain.getLong();
            int epoch = plain.getInt();
            Instant expiresAt = Instant.ofEpochSecond(plain.getLong());
            byte[] stage = new byte[plain.remaining()];
            plain.get(stage);
            if (!expiresAt.isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(personId, epoch, new String(stage, StandardCharsets.UTF_8), expiresAt));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // tampered, truncated or sealed with another secret
        }
    }

    private static String ephemeralSecret() {
        LOG.warn("TOLLGATE_SECURITY_SESSION_SECRET is not set: using a random secret. Sessions end when this "
                + "process stops and are not shared with other instances.");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
