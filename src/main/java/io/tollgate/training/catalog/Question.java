package io.tollgate.training.catalog;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One multiple-choice question of a lesson's quiz. Options are numbered from 1 in file order. With one correct
 * option the learner picks one; with several, the learner must tick exactly the correct ones.
 * <p>
 * The correct flags and explanations stay on the server until the learner has answered.
 */
public record Question(int number, String text, List<Option> options) {

    /** An answer option with the explanation shown once it has been answered. */
    public record Option(int number, String text, boolean correct, String explanation) {
    }

    /** Whether the learner may pick several options ("select all that apply"). */
    public boolean multiple() {
        return options.stream().filter(Option::correct).count() > 1;
    }

    public Set<Integer> correctOptions() {
        return options.stream().filter(Option::correct).map(Option::number).collect(Collectors.toUnmodifiableSet());
    }
}
