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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A team's API token for CI: only its SHA-256 is kept; the token itself is shown once, at creation. */
@Entity
@Table(name = "ci_token")
public class CiToken extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    /** The token's first characters, so that people can tell tokens apart. */
    @Column(nullable = false)
    public String hint;

    @Column(name = "scope_upload", nullable = false)
    public boolean scopeUpload;

    @Column(name = "scope_gate", nullable = false)
    public boolean scopeGate;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public Set<TokenScope> scopes() {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        if (scopeUpload) {
            scopes.add(TokenScope.UPLOAD);
        }
        if (scopeGate) {
            scopes.add(TokenScope.GATE);
        }
        return scopes;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public static Optional<CiToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public static List<CiToken> ofTeam(Team team, Page page) {
        return find("team = ?1 order by createdAt desc, id desc", team).page(page).list();
    }

    public static long countOfTeam(Team team) {
        return count("team", team);
    }
}
