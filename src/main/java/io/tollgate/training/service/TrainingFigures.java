package io.tollgate.training.service;

import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.org.TeamRole;
import io.tollgate.training.catalog.Curriculum;
import io.tollgate.training.catalog.TrainingCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Computes the training figure of a team for the scorecard; see {@link TrainingFigure}. */
@ApplicationScoped
public class TrainingFigures {

    private final TrainingCatalog catalog;
    private final Plans plans;

    TrainingFigures(TrainingCatalog catalog, Plans plans) {
        this.catalog = catalog;
        this.plans = plans;
    }

    /** The team's figure today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingFigure of(Team team) {
        List<Person> members = Membership.ofTeam(team).stream().map(m -> m.person).filter(p -> p.active).toList();
        return of(team, plans.plansFor(members).values());
    }

    /**
     * The team's active leads and how many of them finished every required curriculum; {@code leadsDone} is null
     * when no curriculum is required, since there is then nothing to finish.
     */
    public record LeadFigure(int leads, Integer leadsDone) {
    }

    /** The onboarding of the team's active leads today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadFigure leads(Team team) {
        List<Person> leads = Membership.ofTeam(team).stream().filter(m -> m.role == TeamRole.LEAD)
                .map(m -> m.person).filter(p -> p.active).toList();
        if (catalog.requiredCurricula().isEmpty()) {
            return new LeadFigure(leads.size(), null);
        }
        int done = (int) plans.plansFor(leads).values().stream()
                .filter(plan -> requiredItems(plan).stream().allMatch(ItemProgress::done)).count();
        return new LeadFigure(leads.size(), done);
    }

    /** The figure from the plans of the team's active members. */
    TrainingFigure of(Team team, Collection<LearnerPlan> members) {
        List<Curriculum> required = catalog.requiredCurricula();
        List<String> ids = required.stream().map(Curriculum::id).toList();
        if (members.isEmpty() || required.isEmpty()) {
            return new TrainingFigure(team.slug, null, members.size(), 0, 0, ids, plans.today());
        }
        double sum = 0;
        int done = 0;
        int overdue = 0;
        for (LearnerPlan plan : members) {
            sum += requiredCompletion(plan).orElse(0.0);
            List<ItemProgress> items = requiredItems(plan);
            done += items.stream().allMatch(ItemProgress::done) ? 1 : 0;
            overdue += items.stream().anyMatch(ItemProgress::overdue) ? 1 : 0;
        }
        double value = Math.round(sum / members.size() * 10) / 10.0;
        return new TrainingFigure(team.slug, value, members.size(), done, overdue, ids, plans.today());
    }

    /**
     * A person's completion of the required curricula, in percent: the mean over those curricula of the share of
     * lessons completed, 0 for one that is overdue. Empty when no curriculum is required.
     */
    public Optional<Double> requiredCompletion(LearnerPlan plan) {
        List<Curriculum> required = catalog.requiredCurricula();
        if (required.isEmpty()) {
            return Optional.empty();
        }
        double sum = 0;
        for (Curriculum curriculum : required) {
            Optional<ItemProgress> item = plan.item(TrainingItem.of(curriculum));
            sum += item.filter(i -> !i.overdue()).map(i -> i.completed() * 100.0 / i.total()).orElse(0.0);
        }
        return Optional.of(sum / required.size());
    }

    private List<ItemProgress> requiredItems(LearnerPlan plan) {
        return catalog.requiredCurricula().stream().map(c -> plan.item(TrainingItem.of(c)))
                .flatMap(Optional::stream).toList();
    }
}
