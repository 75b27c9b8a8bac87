package io.tollgate.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A person's local sign-in: password hash and TOTP authenticator. People who sign in through single sign-on have a
 * row without a password once they enrol Tollgate's authenticator.
 */
@Entity
@Table(name = "local_credential")
public class LocalCredential extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public Long personId;

    /** Argon2id in PHC format (older rows: bcrypt, renewed at the next sign-in); null for single sign-on. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** Set for one-time passwords issued by an admin: the next sign-in must choose a new one. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    /**
     * The TOTP secret sealed by {@link LocalCredentials} (never read it directly); present but not yet enrolled while
     * the person is setting up their authenticator.
     */
    @Column(name = "totp_secret")
    public String totpSecret;

    @Column(name = "totp_enrolled_at")
    public Instant totpEnrolledAt;

    @Column(name = "last_totp_step", nullable = false)
    public long lastTotpStep;

    public boolean mfaEnrolled() {
        return totpEnrolledAt != null;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public static Optional<LocalCredential> ofPerson(long personId) {
        return findByIdOptional(personId);
    }
}
