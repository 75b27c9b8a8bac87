package io.tollgate.security;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A half-finished sign-in: the stage that comes next for a person. The browser holds a random token in the sign-in
 * cookie; only its SHA-256 is stored. The row is deleted when its stage is submitted, so the cookie works once.
 */
@Entity
@Table(name = "pending_sign_in")
public class PendingSignIn extends PanacheEntity {

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    /** The person's session epoch when the stage began; a later epoch (password reset, sign-out of all) ends it. */
    @Column(nullable = false)
    public int epoch;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignInStage stage;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static Optional<PendingSignIn> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public static long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
