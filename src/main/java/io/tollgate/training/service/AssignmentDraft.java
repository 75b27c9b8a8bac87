package io.tollgate.training.service;

import java.time.LocalDate;

/**
 * A new assignment: exactly one of {@code curriculum} or {@code lesson} (ids), to exactly one of {@code team} (a
 * slug) or {@code person} (an e-mail address). Without {@code dueOn} it is due after the curriculum's due-days (a
 * lesson: tollgate.training.lesson-due-days); {@code mandatory} defaults to false.
 */
public record AssignmentDraft(String curriculum, String lesson, String team, String person, LocalDate dueOn,
                              Boolean mandatory) {
}
