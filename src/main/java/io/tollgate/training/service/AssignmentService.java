package io.tollgate.training.service;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.org.service.MemberJoined;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.FieldError;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import io.tollgate.training.Assignment;
import io.tollgate.training.catalog.TrainingCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigning curricula and lessons. Leads assign to their teams and their teams' members, managers and security
 * admins to anyone. A person who joins a team receives a copy of each of the team's mandatory assignments, due after
 * as many days as the team was given.
 */
@ApplicationScoped
public class AssignmentService {

    static final int MAX_YEARS_AHEAD = 2;

    private final TrainingCatalog catalog;
    private final TrainingAccess access;
    private final TrainingConfig config;
    private final AuditLog audit;
    private final Clock clock;

    AssignmentService(TrainingCatalog catalog, TrainingAccess access, TrainingConfig config, AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.access = access;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Assignment create(Viewer viewer, AssignmentDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "is required");
        }
        access.requireManagesTeams(viewer);
        List<FieldError> errors = new ArrayList<>();
        Optional<TrainingItem> item = item(draft, errors);
        Team team = null;
        Person person = null;
        if (blank(draft.team()) == blank(draft.person())) {
            errors.add(new FieldError("team", "name either a team or a person"));
        } else if (!blank(draft.team())) {
            team = visibleTeam(viewer, draft.team().strip()).orElse(null);
            if (team == null) {
                errors.add(new FieldError("team", "there is no team '" + draft.team().strip() + "' of yours"));
            }
        } else {
            person = assignablePerson(viewer, draft.person().strip()).orElse(null);
            if (person == null) {
                errors.add(new FieldError("person", "there is no active person with e-mail address '"
                        + draft.person().strip() + "' in your teams"));
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate dueOn = draft.dueOn() != null ? draft.dueOn() : item.map(i -> today.plusDays(defaultDays(i))).orElse(today);
        if (dueOn.isBefore(today)) {
            errors.add(new FieldError("dueOn", "must be today (" + today + ") or later"));
        } else if (dueOn.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            errors.add(new FieldError("dueOn", "must be within " + MAX_YEARS_AHEAD + " years"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (team != null) {
            access.requireAssignTo(viewer, team);
        }
        TrainingItem what = item.orElseThrow();
        String curriculumId = what.curriculum() ? what.id() : null;
        String lessonId = what.curriculum() ? null : what.id();
        if (Assignment.duplicate(curriculumId, lessonId, team, person)) {
            throw new ConflictException(what.curriculum() ? "curriculum" : "lesson", "'" + what.id()
                    + "' is already assigned to " + (team != null ? "team " + team.slug : person.email));
        }
        Assignment assignment = new Assignment();
        assignment.curriculumId = curriculumId;
        assignment.lessonId = lessonId;
        assignment.team = team;
        assignment.person = person;
        assignment.dueOn = dueOn;
        assignment.mandatory = Boolean.TRUE.equals(draft.mandatory());
        assignment.assignedBy = viewer.email();
        assignment.assignedAt = Instant.now(clock);
        assignment.persist();
        audit.record(viewer, "training.assignment-created", "assignment", subject(assignment), null, state(assignment));
        return assignment;
    }

    /** Assignments the viewer may see: their own and their teams', those of the teams they lead, or all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<Assignment> list(Viewer viewer, String teamSlug, Long personId, PageRequest page) {
        Long teamId = null;
        if (!blank(teamSlug)) {
            teamId = visibleTeam(viewer, teamSlug.strip()).orElseThrow(() -> new NotFoundException("Team", teamSlug)).id;
        }
        Assignment.Visibility visibility = new Assignment.Visibility(viewer.readsAllTeams(), viewer.personId());
        return Paged.of(Assignment.search(visibility, teamId, personId, page.panache()), page,
                Assignment.countMatching(visibility, teamId, personId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Assignment get(Viewer viewer, long id) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Assignment", id));
        boolean visible = viewer.readsAllTeams()
                || (assignment.person != null && (assignment.person.id == viewer.personId()
                        || Membership.leadsTeamOf(viewer.personId(), assignment.person.id)))
                || (assignment.team != null && Membership.isMember(assignment.team.id, viewer.personId()));
        if (!visible) {
            throw new NotFoundException("Assignment", id);
        }
        return assignment;
    }

    /** Withdraws an assignment, and with a team's, the copies that joiners received; answers what was removed. */
    @Transactional
    public Assignment remove(Viewer viewer, long id) {
        Assignment assignment = get(viewer, id);
        if (assignment.team != null) {
            access.requireAssignTo(viewer, assignment.team);
        } else {
            access.requireAssignTo(viewer, assignment.person);
        }
        Map<String, Object> before = state(assignment);
        String subject = subject(assignment);
        assignment.delete();
        audit.record(viewer, "training.assignment-removed", "assignment", subject, before, null);
        return assignment;
    }

    /** Hands a new member copies of the team's mandatory assignments, in the transaction that adds them. */
    void onMemberJoined(@Observes MemberJoined event) {
        Membership membership = event.membership();
        LocalDate joined = membership.joinedAt.atZone(ZoneOffset.UTC).toLocalDate();
        for (Assignment teamAssignment : Assignment.mandatoryOfTeam(membership.team)) {
            if (Assignment.copyExists(teamAssignment, membership.person)) {
                continue;
            }
            LocalDate assigned = teamAssignment.assignedAt.atZone(ZoneOffset.UTC).toLocalDate();
            long days = Math.max(1, ChronoUnit.DAYS.between(assigned, teamAssignment.dueOn));
            Assignment copy = new Assignment();
            copy.curriculumId = teamAssignment.curriculumId;
            copy.lessonId = teamAssignment.lessonId;
            copy.person = membership.person;
            copy.dueOn = joined.plusDays(days);
            copy.mandatory = true;
            copy.origin = teamAssignment;
            copy.assignedBy = event.actor().email();
            copy.assignedAt = membership.joinedAt;
            copy.persist();
            audit.record(event.actor(), "training.assignment-received", "assignment", subject(copy), null, state(copy));
        }
    }

    private Optional<TrainingItem> item(AssignmentDraft draft, List<FieldError> errors) {
        if (blank(draft.curriculum()) == blank(draft.lesson())) {
            errors.add(new FieldError("curriculum", "name either a curriculum or a lesson"));
            return Optional.empty();
        }
        if (!blank(draft.curriculum())) {
            Optional<TrainingItem> curriculum = catalog.curriculum(draft.curriculum().strip()).map(TrainingItem::of);
            if (curriculum.isEmpty()) {
                errors.add(new FieldError("curriculum", "there is no curriculum '" + draft.curriculum().strip() + "'"));
            }
            return curriculum;
        }
        Optional<TrainingItem> lesson = catalog.findLesson(draft.lesson().strip()).map(TrainingItem::of);
        if (lesson.isEmpty()) {
            errors.add(new FieldError("lesson", "there is no lesson '" + draft.lesson().strip() + "'"));
        }
        return lesson;
    }

    private int defaultDays(TrainingItem item) {
        return item.curriculum() ? catalog.curriculum(item.id()).orElseThrow().dueDays() : config.lessonDueDays();
    }

    /** A team the viewer may name: any for managers and security admins, else one they belong to. */
    private static Optional<Team> visibleTeam(Viewer viewer, String slug) {
        return Team.findBySlug(slug).filter(t -> viewer.readsAllTeams() || Membership.isMember(t.id, viewer.personId()));
    }

    /** An active person the viewer may assign to: anyone for managers, else a member of a team they lead. */
    private static Optional<Person> assignablePerson(Viewer viewer, String email) {
        return Person.findByEmail(email).filter(p -> p.active)
                .filter(p -> viewer.readsAllTeams() || Membership.leadsTeamOf(viewer.personId(), p.id));
    }

    private static String subject(Assignment a) {
        return (a.curriculumId != null ? "curriculum:" + a.curriculumId : "lesson:" + a.lessonId) + " for "
                + (a.team != null ? "team:" + a.team.slug : "person:" + a.person.email);
    }

    private static Map<String, Object> state(Assignment a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("dueOn", a.dueOn.toString());
        state.put("mandatory", a.mandatory);
        if (a.origin != null) {
            state.put("origin", subject(a.origin));
        }
        return state;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
