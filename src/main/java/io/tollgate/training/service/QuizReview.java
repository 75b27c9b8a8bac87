package io.tollgate.training.service;

import io.tollgate.training.QuizAttempt;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.Question;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a learner sees after submitting a quiz. A question answered right shows every option's explanation; a
 * question answered wrong in a failed attempt shows only the explanations of the options picked, so that the
 * retry still asks for thought; a passed attempt shows everything. An attempt at an older version of the lesson
 * shows its score only, since the questions may have changed.
 *
 * @param current whether the attempt was at the lesson's current version
 */
public record QuizReview(QuizAttempt attempt, Lesson lesson, boolean current, List<QuestionReview> questions) {

    /** One question as reviewed. */
    public record QuestionReview(int number, String text, boolean right, List<OptionReview> options) {
    }

    /**
     * One option: whether it was picked; whether it is correct and why, only when revealed (else empty).
     */
    public record OptionReview(int number, String text, boolean picked, Boolean correct, String explanation) {

        public boolean revealed() {
            return explanation != null;
        }

        /** Revealed as a correct option. */
        public boolean shownCorrect() {
            return Boolean.TRUE.equals(correct);
        }

        /** Revealed as a wrong option. */
        public boolean shownWrong() {
            return Boolean.FALSE.equals(correct);
        }
    }

    static QuizReview of(QuizAttempt attempt, Lesson lesson) {
        boolean current = attempt.lessonVersion.equals(lesson.version().toString());
        List<QuestionReview> questions = new ArrayList<>();
        if (current) {
            List<Set<Integer>> selections = attempt.selections();
            for (Question question : lesson.quiz()) {
                Set<Integer> picked = selections.get(question.number() - 1);
                boolean right = picked.equals(question.correctOptions());
                List<OptionReview> options = new ArrayList<>();
                for (Question.Option option : question.options()) {
                    boolean chosen = picked.contains(option.number());
                    boolean explained = attempt.passed || right || chosen;
                    boolean flagged = attempt.passed || right;
                    options.add(new OptionReview(option.number(), option.text(), chosen,
                            flagged ? option.correct() : null, explained ? option.explanation() : null));
                }
                questions.add(new QuestionReview(question.number(), question.text(), right, List.copyOf(options)));
            }
        }
        return new QuizReview(attempt, lesson, current, List.copyOf(questions));
    }
}
