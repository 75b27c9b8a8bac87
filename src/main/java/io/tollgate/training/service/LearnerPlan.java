package io.tollgate.training.service;

import io.tollgate.org.Membership;
import io.tollgate.org.Person;

import java.util.List;
import java.util.Optional;

/**
 * What one person has to learn: their assignments with progress, most urgent first (overdue, then by due date), the
 * finished ones last; and their completions.
 */
public record LearnerPlan(Person person, List<Membership> memberships, List<ItemProgress> items, Completions completions) {

    /** Where to go on: the most urgent unfinished assignment, whose next lesson is the one to open. */
    public Optional<ItemProgress> resume() {
        return items.stream().filter(i -> !i.done()).findFirst();
    }

    public List<ItemProgress> finished() {
        return items.stream().filter(ItemProgress::done).toList();
    }

    public long overdueCount() {
        return items.stream().filter(ItemProgress::overdue).count();
    }

    public Optional<ItemProgress> item(TrainingItem item) {
        return items.stream().filter(i -> i.item().key().equals(item.key())).findFirst();
    }
}
