package io.tollgate.training.service;

import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import io.tollgate.training.LessonCompletion;
import io.tollgate.training.catalog.Curriculum;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.TrainingCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training progress as learners, leads and managers read it: a person's plan, completion by team and by person, the
 * overdue list and certificates. A learner reads their own progress, a lead that of their teams' members, managers
 * and security admins everyone's.
 */
@ApplicationScoped
public class ProgressService {

    private final TrainingCatalog catalog;
    private final TrainingAccess access;
    private final TrainingFigures figures;
    private final Plans plans;

    ProgressService(TrainingCatalog catalog, TrainingAccess access, TrainingFigures figures, Plans plans) {
        this.catalog = catalog;
        this.access = access;
        this.figures = figures;
        this.plans = plans;
    }

    /** A team's line in "completion by team". */
    public record TeamSummary(Team team, TrainingFigure figure, long overdue) {
    }

    /** A member's line in "completion by person"; {@code requiredCompletion} as counted in the figure. */
    public record MemberProgress(Membership membership, LearnerPlan plan, Double requiredCompletion) {

        /** The required completion in whole percent, or empty. */
        public Long requiredPercent() {
            return requiredCompletion == null ? null : Math.round(requiredCompletion);
        }
    }

    /** Completion by person in one team, with the team's figure. */
    public record TeamProgress(Team team, TrainingFigure figure, List<MemberProgress> members) {
    }

    /** An assignment someone has not finished by its due date. */
    public record OverdueItem(Person person, ItemProgress item) {
    }

    /** Proof that a person completed every lesson of a curriculum, with the version and score of each. */
    public record Certificate(Person person, Curriculum curriculum, Instant completedAt, List<CertifiedLesson> lessons) {
    }

    /** A lesson of a certificate and the completion that counts for it. */
    public record CertifiedLesson(Lesson lesson, LessonCompletion completion) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LearnerPlan plan(Viewer viewer, long personId) {
        return plans.of(access.readablePerson(viewer, personId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LearnerPlan myPlan(Viewer viewer) {
        return plan(viewer, viewer.personId());
    }

    /** Completion by team: every team for managers and security admins, the teams they lead for leads. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<TeamSummary> teams(Viewer viewer, PageRequest page) {
        access.requireManagesTeams(viewer);
        Paged<Team> teams = viewer.readsAllTeams() ? Paged.of(Team.pageAll(page.panache()), page, Team.count())
                : Paged.slice(access.managedTeams(viewer), page);
        return teams.map(team -> {
            TeamProgress progress = progressOf(team);
            return new TeamSummary(team, progress.figure(),
                    progress.members().stream().mapToLong(m -> m.plan().overdueCount()).sum());
        });
    }

    /** Completion by person in a team the viewer leads (or any team, for managers and security admins). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamProgress team(Viewer viewer, String slug) {
        return progressOf(access.manageableTeam(viewer, slug));
    }

    /**
     * Everything overdue among the people the viewer manages (in one team when {@code teamSlug} is given), the
     * longest overdue first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<OverdueItem> overdue(Viewer viewer, String teamSlug, PageRequest page) {
        access.requireManagesTeams(viewer);
        Collection<Person> people;
        if (teamSlug != null && !teamSlug.isBlank()) {
            people = activeMembers(List.of(access.manageableTeam(viewer, teamSlug.strip())));
        } else if (viewer.readsAllTeams()) {
            people = Person.list("active = true order by displayName, id");
        } else {
            people = activeMembers(access.managedTeams(viewer));
        }
        List<OverdueItem> overdue = new ArrayList<>();
        for (LearnerPlan plan : plans.plansFor(people).values()) {
            plan.items().stream().filter(ItemProgress::overdue).forEach(i -> overdue.add(new OverdueItem(plan.person(), i)));
        }
        overdue.sort(Comparator.comparing((OverdueItem o) -> o.item().dueOn()).thenComparing(o -> o.person().displayName));
        return Paged.slice(overdue, page);
    }

    /** The certificate of a completed curriculum; "not found" until every lesson is completed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Certificate certificate(Viewer viewer, String curriculumId, long personId) {
        Person person = access.readablePerson(viewer, personId);
        Curriculum curriculum = catalog.curriculum(curriculumId)
                .orElseThrow(() -> new NotFoundException("Curriculum", curriculumId));
        Completions completions = new Completions(LessonCompletion.ofPeople(List.of(person.id)));
        List<CertifiedLesson> earned = curriculum.lessons().stream()
                .flatMap(l -> completions.of(l).map(c -> new CertifiedLesson(l, c)).stream()).toList();
        if (earned.size() < curriculum.lessons().size()) {
            throw new NotFoundException("Completed curriculum", curriculumId);
        }
        Instant completedAt = earned.stream().map(c -> c.completion().completedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new Certificate(person, curriculum, completedAt, earned);
    }

    private TeamProgress progressOf(Team team) {
        List<Membership> memberships = Membership.ofTeam(team).stream().filter(m -> m.person.active).toList();
        Map<Long, LearnerPlan> byPerson = plans.plansFor(memberships.stream().map(m -> m.person).toList());
        List<MemberProgress> members = new ArrayList<>();
        for (Membership membership : memberships) {
            LearnerPlan plan = byPerson.get(membership.person.id);
            members.add(new MemberProgress(membership, plan, figures.requiredCompletion(plan).orElse(null)));
        }
        return new TeamProgress(team, figures.of(team, byPerson.values()), members);
    }

    private static Collection<Person> activeMembers(List<Team> teams) {
        Map<Long, Person> people = new LinkedHashMap<>();
        for (Team team : teams) {
            Membership.ofTeam(team).stream().map(m -> m.person).filter(p -> p.active).forEach(p -> people.putIfAbsent(p.id, p));
        }
        return people.values();
    }
}
