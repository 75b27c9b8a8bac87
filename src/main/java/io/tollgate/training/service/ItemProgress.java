package io.tollgate.training.service;

import io.tollgate.training.catalog.Lesson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One assigned curriculum or lesson as a person stands with it: when it is due, whether it is mandatory, why it is
 * theirs, how many of its lessons they completed, and the lesson to take next.
 *
 * @param reasons     why it was given, e.g. "required of every team member", "assigned to team Payments"
 * @param next        the first lesson not completed yet; empty when done
 * @param completedAt when the last lesson was completed; empty until done
 */
public record ItemProgress(TrainingItem item, LocalDate dueOn, boolean mandatory, List<String> reasons, int completed,
                           ItemStatus status, Lesson next, Instant completedAt) {

    public int total() {
        return item.lessons().size();
    }

    /** Whole percent of the lessons completed. */
    public int percent() {
        return completed * 100 / total();
    }

    public boolean done() {
        return status == ItemStatus.DONE;
    }

    public boolean overdue() {
        return status == ItemStatus.OVERDUE;
    }
}
