package io.tollgate.security;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in session, kept on the server so that it can be ended. The browser holds a random token; only its
 * SHA-256 is stored here.
 */
@Entity
@Table(name = "web_session")
public class WebSession extends PanacheEntity {

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    /** The person's session epoch when the session began; a later epoch ends it. */
    @Column(nullable = false)
    public int epoch;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Browser and system, as the person would recognise them on their profile page. */
    @Column(name = "client_agent", nullable = false)
    public String clientAgent;

    @Column(name = "client_address", nullable = false)
    public String clientAddress;

    /** Whether the session may still serve requests at {@code now}; the person's epoch is checked apart. */
    public boolean liveAt(Instant now, Instant idleSince) {
        return endedAt == null && expiresAt.isAfter(now) && lastUsedAt.isAfter(idleSince);
    }

    public static Optional<WebSession> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** The sessions of a person that are neither ended, expired nor idle, the most recently used first. */
    public static List<WebSession> liveOf(long personId, int epoch, Instant now, Instant idleSince) {
        return list("personId = ?1 and epoch = ?2 and endedAt is null and expiresAt > ?3 and lastUsedAt > ?4"
                + " order by lastUsedAt desc, id desc", personId, epoch, now, idleSince);
    }

    /** Ends every session of a person that is not ended yet; returns how many. */
    public static long endAllOf(long personId, Instant now) {
        return update("endedAt = ?1 where personId = ?2 and endedAt is null", now, personId);
    }

    /** Ends every session of everyone that is not ended yet; returns how many. */
    public static long endAll(Instant now) {
        return update("endedAt = ?1 where endedAt is null", now);
    }

    /** Deletes sessions that can no longer serve a request. */
    public static long deleteDead(Instant now, Instant idleSince) {
        return delete("endedAt is not null or expiresAt <= ?1 or lastUsedAt <= ?2", now, idleSince);
    }
}
