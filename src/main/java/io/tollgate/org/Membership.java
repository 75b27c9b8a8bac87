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
import java.util.Collection;
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

    /** The memberships of these people, with their teams. */
    public static List<Membership> ofPeople(Collection<Long> personIds) {
        return personIds.isEmpty() ? List.of()
                : find("from Membership m join fetch m.team join fetch m.person where m.person.id in ?1", personIds).list();
    }

    /** The teams a person leads, by name. */
    public static List<Team> teamsLedBy(long personId) {
        return Membership.<Membership>find("from Membership m join fetch m.team where m.person.id = ?1 and m.role = ?2 "
                + "order by m.team.name", personId, TeamRole.LEAD).stream().map(m -> m.team).toList();
    }

    /** Whether {@code leadId} leads a team that {@code personId} belongs to. */
    public static boolean leadsTeamOf(long leadId, long personId) {
        return count("from Membership l where l.person.id = ?1 and l.role = ?2 and exists "
                + "(from Membership m where m.team = l.team and m.person.id = ?3)", leadId, TeamRole.LEAD, personId) > 0;
    }

    public static boolean isMember(long teamId, long personId) {
        return count("team.id = ?1 and person.id = ?2", teamId, personId) > 0;
    }
}
