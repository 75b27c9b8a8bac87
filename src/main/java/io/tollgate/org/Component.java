package io.tollgate.org;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a scan is about, inside a team and environment: a source repository or an AWS account. */
@Entity
@Table(name = "component")
public class Component extends PanacheEntity {

    public enum Kind {
        REPOSITORY("repo:"),
        ACCOUNT("aws:");

        public final String keyPrefix;

        Kind(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "environment_id")
    public Environment environment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** {@code repo:<url-or-name>} or {@code aws:<account-id>}. */
    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Component> ofTeam(Team team) {
        return find("from Component c join fetch c.environment where c.team = ?1 order by c.environment.position, c.key",
                team).list();
    }

    public static Optional<Component> withTeamAndEnvironment(long id) {
        return find("from Component c join fetch c.team join fetch c.environment where c.id = ?1", id).firstResultOptional();
    }

    public static Optional<Component> find(Team team, Environment environment, String key) {
        return find("team = ?1 and environment = ?2 and key = ?3", team, environment, key).firstResultOptional();
    }
}
