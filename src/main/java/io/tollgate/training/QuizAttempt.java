package io.tollgate.training;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.tollgate.org.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One submission of a lesson's quiz, graded on the server; every attempt is kept, so retries are counted. */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "lesson_id", nullable = false)
    public String lessonId;

    @Column(name = "lesson_version", nullable = false)
    public String lessonVersion;

    @Column(name = "attempt_number", nullable = false)
    public int attemptNumber;

    /** The options picked per question, as {@link #encode} writes them. */
    @Column(nullable = false)
    public String answers;

    @Column(nullable = false)
    public int correct;

    @Column(nullable = false)
    public int total;

    /** Percent of questions answered right. */
    @Column(nullable = false)
    public int score;

    @Column(nullable = false)
    public boolean passed;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** The options picked, question by question. */
    public List<Set<Integer>> selections() {
        List<Set<Integer>> selections = new ArrayList<>();
        for (String question : answers.split(";", -1)) {
            Set<Integer> picked = new TreeSet<>();
            for (String option : question.isEmpty() ? new String[0] : question.split(",")) {
                picked.add(Integer.valueOf(option));
            }
            selections.add(picked);
        }
        return selections;
    }

    /** "2;1,3;4": question 1 picked option 2, question 2 options 1 and 3, question 3 option 4. */
    public static String encode(List<? extends Set<Integer>> selections) {
        return selections.stream()
                .map(s -> new TreeSet<>(s).stream().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    public static long countFor(Person person, String lessonId) {
        return count("person = ?1 and lessonId = ?2", person, lessonId);
    }

    /** The person's attempts at a lesson, newest first. */
    public static List<QuizAttempt> of(long personId, String lessonId) {
        return list("person.id = ?1 and lessonId = ?2 order by attemptNumber desc", personId, lessonId);
    }

    public static Optional<QuizAttempt> findOwn(long personId, String lessonId, long id) {
        return find("id = ?1 and person.id = ?2 and lessonId = ?3", id, personId, lessonId).firstResultOptional();
    }
}
