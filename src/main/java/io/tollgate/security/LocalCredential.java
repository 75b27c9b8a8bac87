package io.tollgate.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A person's local sign-in: password hash, TOTP authenticator and lock-out state. */
@Entity
@Table(name = "local_credential")
public class LocalCredential extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public Long personId;

    /** bcrypt, in modular crypt format. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Set for one-time passwords issued by an admin: the next sign-in must choose a new one. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    /** Base32 TOTP secret; present but not yet enrolled while the person is setting up their authenticator. */
    @Column(name = "totp_secret")
    public String totpSecret;

    @Column(name = "totp_enrolled_at")
    public Instant totpEnrolledAt;

    @Column(name = "last_totp_step", nullable = false)
    public long lastTotpStep;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    public boolean mfaEnrolled() {
        return totpEnrolledAt != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public static Optional<LocalCredential> ofPerson(long personId) {
        return findByIdOptional(personId);
    }
}
