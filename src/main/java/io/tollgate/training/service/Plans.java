package io.tollgate.training.service;

import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.training.Assignment;
import io.tollgate.training.LessonCompletion;
import io.tollgate.training.catalog.Curriculum;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.TrainingCatalog;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Works out learner plans, for one person or many at once with a fixed number of queries. A person's assignments
 * are: the required curricula, once they belong to a team (due that many days after they first joined one); what
 * was assigned to them; and what was assigned to a team they were in at the time. The same item given several
 * times is shown once: mandatory if any of them is, due at the earliest mandatory date.
 */
@ApplicationScoped
class Plans {

    static final String REQUIRED = "required of every team member";

    private final TrainingCatalog catalog;
    private final TrainingConfig config;
    private final Clock clock;

    Plans(TrainingCatalog catalog, TrainingConfig config, Clock clock) {
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
    }

    /** One reason an item is on a plan. */
    private record Given(TrainingItem item, LocalDate dueOn, boolean mandatory, String reason) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LearnerPlan of(Person person) {
        return plansFor(List.of(person)).get(person.id);
    }

    /** The plans of these people, in the order given. */
    Map<Long, LearnerPlan> plansFor(Collection<Person> people) {
        List<Long> ids = people.stream().map(p -> p.id).distinct().toList();
        Map<Long, List<Membership>> memberships = Membership.ofPeople(ids).stream()
                .collect(Collectors.groupingBy(m -> m.person.id));
        List<Long> teamIds = memberships.values().stream().flatMap(List::stream).map(m -> m.team.id).distinct().toList();
        Map<Long, List<Assignment>> personal = Assignment.ofPeople(ids).stream()
                .collect(Collectors.groupingBy(a -> a.person.id));
        Map<Long, List<Assignment>> ofTeams = Assignment.ofTeams(teamIds).stream()
                .collect(Collectors.groupingBy(a -> a.team.id));
        Map<Long, List<LessonCompletion>> completions = LessonCompletion.ofPeople(ids).stream()
                .collect(Collectors.groupingBy(c -> c.person.id));
        LocalDate today = today();
        Map<Long, LearnerPlan> plans = new LinkedHashMap<>();
        for (Person person : people) {
            List<Membership> teams = memberships.getOrDefault(person.id, List.of());
            List<Given> given = new ArrayList<>(required(teams));
            for (Assignment a : personal.getOrDefault(person.id, List.of())) {
                String reason = a.origin != null ? "from team " + a.origin.team.name + ", on joining"
                        : "assigned personally by " + a.assignedBy;
                given(a, reason).ifPresent(given::add);
            }
            for (Membership m : teams) {
                for (Assignment a : ofTeams.getOrDefault(m.team.id, List.of())) {
                    if (!m.joinedAt.isAfter(a.assignedAt)) {
                        given(a, "assigned to team " + m.team.name).ifPresent(given::add);
                    }
                }
            }
            Completions done = new Completions(completions.getOrDefault(person.id, List.of()));
            plans.put(person.id, new LearnerPlan(person, teams, progress(given, done, today), done));
        }
        return plans;
    }

    private List<Given> required(List<Membership> teams) {
        Optional<Instant> firstJoined = teams.stream().map(m -> m.joinedAt).min(Comparator.naturalOrder());
        if (firstJoined.isEmpty()) {
            return List.of();
        }
        LocalDate joined = firstJoined.get().atZone(ZoneOffset.UTC).toLocalDate();
        List<Given> required = new ArrayList<>();
        for (Curriculum curriculum : catalog.requiredCurricula()) {
            required.add(new Given(TrainingItem.of(curriculum), joined.plusDays(curriculum.dueDays()), true, REQUIRED));
        }
        return required;
    }

    private Optional<Given> given(Assignment a, String reason) {
        return TrainingItem.resolve(catalog, a.curriculumId, a.lessonId)
                .map(item -> new Given(item, a.dueOn, a.mandatory, reason));
    }

    private List<ItemProgress> progress(List<Given> given, Completions done, LocalDate today) {
        Map<String, List<Given>> byItem = given.stream()
                .collect(Collectors.groupingBy(g -> g.item().key(), LinkedHashMap::new, Collectors.toList()));
        List<ItemProgress> items = new ArrayList<>();
        for (List<Given> same : byItem.values()) {
            TrainingItem item = same.get(0).item();
            boolean mandatory = same.stream().anyMatch(Given::mandatory);
            LocalDate dueOn = same.stream().filter(g -> g.mandatory() == mandatory).map(Given::dueOn)
                    .min(Comparator.naturalOrder()).orElseThrow();
            List<String> reasons = same.stream().map(Given::reason).distinct().toList();
            int completed = (int) item.lessons().stream().filter(done::completed).count();
            Lesson next = item.lessons().stream().filter(l -> !done.completed(l)).findFirst().orElse(null);
            Instant completedAt = next != null ? null : item.lessons().stream()
                    .map(l -> done.of(l).map(c -> c.completedAt).orElse(null)).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            ItemStatus status = ItemStatus.of(completed, item.lessons().size(), dueOn, today, config.dueSoonDays());
            items.add(new ItemProgress(item, dueOn, mandatory, reasons, completed, status, next, completedAt));
        }
        items.sort(Comparator.comparing(ItemProgress::done)
                .thenComparing(i -> !i.overdue())
                .thenComparing(ItemProgress::dueOn)
                .thenComparing(i -> !i.mandatory())
                .thenComparing(i -> i.item().title()));
        return items;
    }
}
