package io.tollgate.ci;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import io.tollgate.org.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A team's webhook signing secret. HMAC needs the secret itself, so it is kept sealed (AES-GCM) rather than hashed.
 * A secret without {@code validUntil} is current; creating a new one gives the older ones an end (the rotation
 * overlap), so that two secrets are valid while pipelines switch.
 */
@Entity
@Table(name = "ci_signing_secret")
public class SigningSecret extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public byte[] sealed;

    /** The secret's first characters, so that people can tell secrets apart. */
    @Column(nullable = false)
    public String hint;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public boolean usableAt(Instant now) {
        return revokedAt == null && (validUntil == null || validUntil.isAfter(now));
    }

    /** The team's secrets, newest first. */
    public static List<SigningSecret> ofTeam(Team team, Page page) {
        return find("team = ?1 order by createdAt desc, id desc", team).page(page).list();
    }

    public static long countOfTeam(Team team) {
        return count("team", team);
    }

    /** The secrets that sign deliveries now, newest first. */
    public static List<SigningSecret> usable(Team team, Instant now) {
        return list("team = ?1 and revokedAt is null and (validUntil is null or validUntil > ?2) order by createdAt desc, id desc",
                team, now);
    }

    /**
     * The secrets that sign deliveries now for the team with this slug, newest first, with their team: one query
     * whether or not such a team exists, so that the webhook answers an unknown team as it answers a wrong signature.
     */
    public static List<SigningSecret> usable(String teamSlug, Instant now) {
        return list("from SigningSecret s join fetch s.team t where t.slug = ?1 and s.revokedAt is null"
                + " and (s.validUntil is null or s.validUntil > ?2) order by s.createdAt desc, s.id desc", teamSlug, now);
    }
}
