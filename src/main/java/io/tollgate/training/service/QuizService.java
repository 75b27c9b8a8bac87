package io.tollgate.training.service;

import io.tollgate.org.Person;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.security.Viewer;
import io.tollgate.training.LessonCompletion;
import io.tollgate.training.QuizAttempt;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.org.Membership;
import io.tollgate.platform.TeamInputsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Quizzes, graded on the server. Every submission is kept as an attempt, so retries are counted; the first passing
 * attempt at a major version of a lesson records its completion with that version.
 */
@ApplicationScoped
public class QuizService {

    private final TrainingCatalog catalog;
    private final TrainingConfig config;
    private final Clock clock;
    private final Event<TeamInputsChanged> changed;

    QuizService(TrainingCatalog catalog, TrainingConfig config, Clock clock, Event<TeamInputsChanged> changed) {
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
        this.changed = changed;
    }

    /** A learner's standing with one lesson: attempts so far and the completion that counts, if any. */
    public record Standing(Lesson lesson, List<QuizAttempt> attempts, Optional<LessonCompletion> completion,
                           Optional<LessonCompletion> outdated, int passMark) {

        public Optional<QuizAttempt> lastAttempt() {
            return attempts.stream().findFirst();
        }
    }

    /**
     * Grades the viewer's answers, records the attempt, and answers what the learner may now see of it.
     *
     * @param version the lesson version the answers were given to; when set, it must still be the current one
     */
    @Transactional
    public QuizReview submit(Viewer viewer, String lessonId, String version, Map<String, List<Integer>> answers) {
        Lesson lesson = lesson(lessonId);
        String current = lesson.version().toString();
        if (version != null && !version.isBlank() && !version.strip().equals(current)) {
            throw new ConflictException("version", "the lesson is now at version " + current
                    + "; open it again and answer its current questions");
        }
        QuizGrader.Grade grade = QuizGrader.grade(lesson, answers, config.passMark());
        Person person = Person.<Person>findByIdOptional(viewer.personId())
                .orElseThrow(() -> new NotFoundException("Person", viewer.personId()));
        QuizAttempt attempt = new QuizAttempt();
        attempt.person = person;
        attempt.lessonId = lesson.id();
        attempt.lessonVersion = current;
        attempt.attemptNumber = (int) QuizAttempt.countFor(person, lesson.id()) + 1;
        attempt.answers = QuizAttempt.encode(grade.selections());
        attempt.correct = grade.correct();
        attempt.total = grade.total();
        attempt.score = grade.score();
        attempt.passed = grade.passed();
        attempt.submittedAt = Instant.now(clock);
        attempt.persist();
        if (attempt.passed && LessonCompletion.find(person, lesson.id(), lesson.version().major()).isEmpty()) {
            LessonCompletion completion = new LessonCompletion();
            completion.person = person;
            completion.lessonId = lesson.id();
            completion.lessonVersion = current;
            completion.lessonMajor = lesson.version().major();
            completion.score = attempt.score;
            completion.attempts = attempt.attemptNumber;
            completion.completedAt = attempt.submittedAt;
            completion.persist();
            Set<Long> teams = Membership.ofPerson(person).stream().map(m -> m.team.id).collect(Collectors.toSet());
            if (!teams.isEmpty()) {
                changed.fire(new TeamInputsChanged(teams, null, "TRAINING"));
            }
        }
        return QuizReview.of(attempt, lesson);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(Viewer viewer, String lessonId) {
        Lesson lesson = lesson(lessonId);
        Completions completions = new Completions(LessonCompletion.list("person.id = ?1 and lessonId = ?2",
                viewer.personId(), lesson.id()));
        return new Standing(lesson, QuizAttempt.of(viewer.personId(), lesson.id()), completions.of(lesson),
                completions.outdated(lesson), config.passMark());
    }

    /** The viewer's own attempts at a lesson, newest first, with what each may show. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuizReview> reviews(Viewer viewer, String lessonId) {
        Lesson lesson = lesson(lessonId);
        return QuizAttempt.of(viewer.personId(), lesson.id()).stream().map(a -> QuizReview.of(a, lesson)).toList();
    }

    /** One of the viewer's own attempts, with what it may show. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QuizReview review(Viewer viewer, String lessonId, long attemptId) {
        Lesson lesson = lesson(lessonId);
        QuizAttempt attempt = QuizAttempt.findOwn(viewer.personId(), lesson.id(), attemptId)
                .orElseThrow(() -> new NotFoundException("Attempt", attemptId));
        return QuizReview.of(attempt, lesson);
    }

    public int passMark() {
        return config.passMark();
    }

    private Lesson lesson(String id) {
        return catalog.findLesson(id).orElseThrow(() -> new NotFoundException("Lesson", id));
    }
}
