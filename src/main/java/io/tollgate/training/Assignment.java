package io.tollgate.training;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * A curriculum or a lesson assigned to a team or to one person, with a due date and a mandatory flag. A team
 * assignment applies to the people who were members when it was made; someone who joins later receives a copy of
 * each mandatory one, which points back at it through {@link #origin}.
 */
@Entity
@Table(name = "training_assignment")
public class Assignment extends PanacheEntity {

    @Column(name = "curriculum_id")
    public String curriculumId;

    @Column(name = "lesson_id")
    public String lessonId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(nullable = false)
    public boolean mandatory;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "origin_id")
    public Assignment origin;

    /** The e-mail address of whoever made it, or "system". */
    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    /** Who may read which assignments: everything, or what concerns the viewer and the teams they lead. */
    public record Visibility(boolean all, long viewerId) {
    }

    public static List<Assignment> ofPeople(Collection<Long> personIds) {
        return personIds.isEmpty() ? List.of()
                : find("from Assignment a join fetch a.person left join fetch a.origin o left join fetch o.team "
                + "where a.person.id in ?1", personIds).list();
    }

    public static List<Assignment> ofTeams(Collection<Long> teamIds) {
        return teamIds.isEmpty() ? List.of()
                : find("from Assignment a join fetch a.team where a.team.id in ?1", teamIds).list();
    }

    public static List<Assignment> mandatoryOfTeam(Team team) {
        return list("team = ?1 and mandatory = true", team);
    }

    public static boolean copyExists(Assignment origin, Person person) {
        return count("origin = ?1 and person = ?2", origin, person) > 0;
    }

    /** Whether the same curriculum or lesson is already assigned to the same team or person. */
    public static boolean duplicate(String curriculumId, String lessonId, Team team, Person person) {
        String item = curriculumId != null ? "curriculumId = :item" : "lessonId = :item";
        String target = team != null ? "team = :target" : "person = :target";
        return count(item + " and " + target, Parameters.with("item", curriculumId != null ? curriculumId : lessonId)
                .and("target", team != null ? team : person)) > 0;
    }

    public static List<Assignment> search(Visibility visibility, Long teamId, Long personId, Page page) {
        return find("from Assignment a left join fetch a.team left join fetch a.person where " + where(visibility, teamId, personId)
                + " order by a.dueOn, a.id", parameters(visibility, teamId, personId)).page(page).list();
    }

    public static long countMatching(Visibility visibility, Long teamId, Long personId) {
        return count("from Assignment a where " + where(visibility, teamId, personId), parameters(visibility, teamId, personId));
    }

    /** Only the filters that are set, so that no untyped null reaches PostgreSQL. */
    private static String where(Visibility visibility, Long teamId, Long personId) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (!visibility.all()) {
            where.append(" and (a.person.id = :viewer")
                    .append(" or a.team.id in (select m.team.id from Membership m where m.person.id = :viewer)")
                    .append(" or a.person.id in (select m.person.id from Membership m where m.team.id in")
                    .append(" (select l.team.id from Membership l where l.person.id = :viewer and l.role = 'LEAD')))");
        }
        if (teamId != null) {
            where.append(" and a.team.id = :team");
        }
        if (personId != null) {
            where.append(" and a.person.id = :person");
        }
        return where.toString();
    }

    private static Parameters parameters(Visibility visibility, Long teamId, Long personId) {
        Parameters parameters = new Parameters();
        if (!visibility.all()) {
            parameters.and("viewer", visibility.viewerId());
        }
        if (teamId != null) {
            parameters.and("team", teamId);
        }
        if (personId != null) {
            parameters.and("person", personId);
        }
        return parameters;
    }
}
