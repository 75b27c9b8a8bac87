package io.tollgate.training.service;

import io.tollgate.platform.FieldError;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.LessonVersion;
import io.tollgate.training.catalog.Question;
import io.tollgate.training.catalog.Question.Option;
import io.tollgate.training.catalog.RenderedMarkdown;
import io.tollgate.training.catalog.Track;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grading rules: single and multiple answers, the 80% pass mark, and refused answers. */
class QuizGraderTest {

    /** Five questions: 1-4 single answer (option 2 right), 5 multiple (options 1 and 3 right). */
    private static final Lesson LESSON = new Lesson("test-lesson", "Test", Track.PRACTICES, 5, new LessonVersion(1, 0, 0),
            "A test lesson.", List.of("clean-tmp"), new RenderedMarkdown(""), List.of(
            single(1), single(2), single(3), single(4),
            new Question(5, "Which apply?", List.of(new Option(1, "a", true, "yes"), new Option(2, "b", false, "no"),
                    new Option(3, "c", true, "yes"), new Option(4, "d", false, "no")))));

    private static Question single(int number) {
        return new Question(number, "Question " + number, List.of(new Option(1, "a", false, "no"),
                new Option(2, "b", true, "yes"), new Option(3, "c", false, "no")));
    }

    private static Map<String, List<Integer>> allRight() {
        Map<String, List<Integer>> answers = new HashMap<>();
        for (int q = 1; q <= 4; q++) {
            answers.put("q" + q, List.of(2));
        }
        answers.put("q5", List.of(3, 1));
        return answers;
    }

    @Test
    void allRightScores100AndPasses() {
        QuizGrader.Grade grade = QuizGrader.grade(LESSON, allRight(), 80);
        assertThat(grade.correct()).isEqualTo(5);
        assertThat(grade.score()).isEqualTo(100);
        assertThat(grade.passed()).isTrue();
        assertThat(grade.right()).containsOnly(true);
    }

    @Test
    void aMultipleAnswerQuestionNeedsExactlyTheCorrectOptions() {
        Map<String, List<Integer>> answers = allRight();
        answers.put("q5", List.of(1));
        assertThat(QuizGrader.grade(LESSON, answers, 80).right().get(4)).as("one of two").isFalse();
        answers.put("q5", List.of(1, 2, 3));
        assertThat(QuizGrader.grade(LESSON, answers, 80).right().get(4)).as("one too many").isFalse();
        answers.put("q5", List.of(3, 1, 3));
        assertThat(QuizGrader.grade(LESSON, answers, 80).right().get(4)).as("repeats do not matter").isTrue();
    }

    @Test
    void thePassMarkIsInclusive() {
        Map<String, List<Integer>> answers = allRight();
        answers.put("q1", List.of(1));
        QuizGrader.Grade fourOfFive = QuizGrader.grade(LESSON, answers, 80);
        assertThat(fourOfFive.score()).isEqualTo(80);
        assertThat(fourOfFive.passed()).as("80% passes").isTrue();

        answers.put("q2", List.of(3));
        QuizGrader.Grade threeOfFive = QuizGrader.grade(LESSON, answers, 80);
        assertThat(threeOfFive.correct()).isEqualTo(3);
        assertThat(threeOfFive.score()).isEqualTo(60);
        assertThat(threeOfFive.passed()).isFalse();
        assertThat(QuizGrader.grade(LESSON, answers, 60).passed()).as("with a pass mark of 60%").isTrue();
    }

    @Test
    void incompleteAndImpossibleAnswersAreRefusedByField() {
        Map<String, List<Integer>> answers = new HashMap<>(allRight());
        answers.remove("q2");
        answers.put("q3", List.of(1, 2));
        answers.put("q4", List.of(9));
        List<Integer> withNull = new ArrayList<>();
        withNull.add(null);
        answers.put("q5", withNull);
        answers.put("q6", List.of(1));

        assertThatThrownBy(() -> QuizGrader.grade(LESSON, answers, 80)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(
                        new FieldError("answers.q6", "there is no such question; the questions are q1 to q5"),
                        new FieldError("answers.q2", "answer this question"),
                        new FieldError("answers.q3", "pick one option"),
                        new FieldError("answers.q4", "pick options numbered 1 to 3"),
                        new FieldError("answers.q5", "pick options numbered 1 to 4"));
        assertThatThrownBy(() -> QuizGrader.grade(LESSON, null, 80)).isInstanceOf(InvalidInputException.class);
    }
}
