package io.tollgate.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals session state into cookie values (see {@link Sealing}), so that any instance that shares the secret can
 * serve any request and nothing is kept on the server. The cookie name is bound into the seal: a value sealed for
 * one cookie cannot be replayed as another.
 */
@ApplicationScoped
public class SessionCodec {

    private final Sealing sealing;

    SessionCodec(Sealing sealing) {
        this.sealing = sealing;
    }

    /** What a sealed cookie carries: whose it is, for which session epoch, a stage, and until when it is valid. */
    public record Claims(long personId, int epoch, String stage, Instant expiresAt) {
    }

    public String seal(String cookieName, Claims claims) {
        byte[] stage = claims.stage().getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(8 + 4 + 8 + stage.length)
                .putLong(claims.personId()).putInt(claims.epoch()).putLong(claims.expiresAt().getEpochSecond()).put(stage);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealing.seal(plain.array(), cookieName));
    }

    /** The claims of a cookie value, if it was sealed by this secret for that cookie and has not expired. */
    public Optional<Claims> open(String cookieName, String value, Instant now) {
        if (value == null || value.isEmpty() || value.length() > 4096) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(value);
            if (raw.length < Sealing.OVERHEAD + 20) {
                return Optional.empty();
            }
            return sealing.open(raw, cookieName).flatMap(opened -> claims(ByteBuffer.wrap(opened), now));
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    private static Optional<Claims> claims(ByteBuffer plain, Instant now) {
        long personId = plain.getLong();
        int epoch = plain.getInt();
        Instant expiresAt = Instant.ofEpochSecond(plain.getLong());
        byte[] stage = new byte[plain.remaining()];
        plain.get(stage);
        if (!expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Claims(personId, epoch, new String(stage, StandardCharsets.UTF_8), expiresAt));
    }
}
