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

    /** The longest key (with its prefix) and name the table holds. */
    public static final int KEY_LENGTH = 300;
    private static final int NAME_LENGTH = 120;

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

    /** The component of a registered AWS account, which holds the account's findings. */
    public static Optional<Component> ofAccount(AwsAccount account) {
        return find(account.team, account.environment, Kind.ACCOUNT.keyPrefix + account.accountId);
    }

    /**
     * The repository component with this key, created unless it exists. Two uploads may name a new repository at the
     * same moment: the second waits for the first to commit and then takes its component.
     */
    public static Component repository(Team team, Environment environment, String key, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO component (id, team_id, environment_id, kind, key, name, created_at)
                        VALUES (nextval('component_seq'), ?1, ?2, 'REPOSITORY', ?3, ?4, ?5)
                        ON CONFLICT (team_id, environment_id, key) DO NOTHING""")
                .setParameter(1, team.id).setParameter(2, environment.id).setParameter(3, key)
                .setParameter(4, repositoryName(key)).setParameter(5, now)
                .executeUpdate();
        return find(team, environment, key).orElseThrow();
    }

    /** A repository's name unless one is given: its key without the prefix, cut to the column's 120 characters. */
    public static String repositoryName(String key) {
        String name = key.substring(Kind.REPOSITORY.keyPrefix.length());
        return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH - 1) + "…";
    }
}
