package io.tollgate.training.service;

import io.tollgate.platform.FieldError;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.Question;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grades answers to a lesson's quiz. A question is right when exactly its correct options are picked; the quiz is
 * passed when at least the pass mark (in percent) of its questions are right. Answers are keyed {@code q1},
 * {@code q2}, ... with the picked option numbers; incomplete or impossible answers are refused, field by field
 * ({@code answers.q3}), and grade nothing.
 */
public final class QuizGrader {

    /** The graded answers. */
    public record Grade(List<Set<Integer>> selections, List<Boolean> right, int correct, int total, int score,
                        boolean passed) {
    }

    private QuizGrader() {
    }

    public static Grade grade(Lesson lesson, Map<String, List<Integer>> answers, int passMark) {
        Map<String, List<Integer>> given = answers == null ? Map.of() : answers;
        List<Question> quiz = lesson.quiz();
        List<FieldError> errors = new ArrayList<>();
        for (String key : given.keySet()) {
            if (!key.matches("q[1-9]\\d{0,2}") || Integer.parseInt(key.substring(1)) > quiz.size()) {
                errors.add(new FieldError("answers." + key, "there is no such question; the questions are q1 to q" + quiz.size()));
            }
        }
        List<Set<Integer>> selections = new ArrayList<>();
        for (Question question : quiz) {
            String field = "answers.q" + question.number();
            List<Integer> picked = Objects.requireNonNullElse(given.get("q" + question.number()), List.of());
            Set<Integer> options = new TreeSet<>(picked.stream().filter(Objects::nonNull).toList());
            if (picked.isEmpty()) {
                errors.add(new FieldError(field, "answer this question"));
            } else if (picked.stream().anyMatch(Objects::isNull) || options.stream().anyMatch(o -> o < 1 || o > question.options().size())) {
                errors.add(new FieldError(field, "pick options numbered 1 to " + question.options().size()));
            } else if (!question.multiple() && options.size() > 1) {
                errors.add(new FieldError(field, "pick one option"));
            }
            selections.add(options);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Boolean> right = new ArrayList<>();
        for (Question question : quiz) {
            right.add(selections.get(question.number() - 1).equals(question.correctOptions()));
        }
        int correct = (int) right.stream().filter(r -> r).count();
        int total = quiz.size();
        return new Grade(List.copyOf(selections), List.copyOf(right), correct, total,
                Math.round(correct * 100f / total), correct * 100 >= passMark * total);
    }
}
