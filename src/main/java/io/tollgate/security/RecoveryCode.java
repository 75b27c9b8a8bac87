package io.tollgate.security;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A one-time code that stands in for the authenticator. Only its keyed hash ({@link Sealing#keyedHash}) is stored. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode extends PanacheEntity {

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "used_at")
    public Instant usedAt;

    public static List<RecoveryCode> unusedOf(long personId) {
        return list("personId = ?1 and usedAt is null", personId);
    }

    /** The unused code whose hash is one of {@code codeHashes} (a code's hashes under each key of the ring). */
    public static Optional<RecoveryCode> unusedOf(long personId, List<String> codeHashes) {
        return find("personId = ?1 and codeHash in ?2 and usedAt is null", personId, codeHashes).firstResultOptional();
    }

    public static long deleteAllOf(long personId) {
        return delete("personId", personId);
    }
}
