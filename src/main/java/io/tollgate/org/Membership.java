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

@Entity
@Table(name = "membership")
public class Membership extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamRole role;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    public static List<Membership> ofTeam(Team team) {
        return find("from Membership m join fetch m.person where m.team = ?1 order by m.role desc, m.person.displayName",
                team).list();
    }

    public static List<Membership> ofPerson(Person person) {
        return find("from Membership m join fetch m.team where m.person = ?1 order by m.team.name", person).list();
    }

    public static Optional<Membership> find(Team team, Person person) {
        return find("team = ?1 and person = ?2", team, person).firstResultOptional();
    }

    public static boolean isLead(long teamId, long personId) {
        return count("team.id = ?1 and person.id = ?2 and role = ?3", teamId, personId, TeamRole.LEAD) > 0;
    }

    public static boolean isMember(long teamId, long personId) {
        return count("team.id = ?1 and person.id = ?2", teamId, personId) > 0;
    }
}
