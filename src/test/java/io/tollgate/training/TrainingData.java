package io.tollgate.training;

import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.LessonVersion;
import io.tollgate.training.catalog.Question;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.support.TestData.TestUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training state for tests that cannot wait for time to pass: earlier joins, past completions, known answers. */
@ApplicationScoped
public class TrainingData {

    @Inject
    TrainingCatalog catalog;

    /** Moves a membership's join back by some days, as if the person had joined then. */
    @Transactional
    public void joinedDaysAgo(String teamSlug, TestUser user, int days) {
        Membership membership = Membership.find(Team.findBySlug(teamSlug).orElseThrow(), Person.findById(user.id())).orElseThrow();
        membership.joinedAt = Instant.now().minus(Duration.ofDays(days));
    }

    /** Gives a person another display name. */
    @Transactional
    public void rename(TestUser user, String displayName) {
        Person.<Person>findById(user.id()).displayName = displayName;
    }

    /** Records a completion of a lesson at a version, as a passed quiz would. */
    @Transactional
    public void completed(TestUser user, String lessonId, String version) {
        LessonCompletion completion = new LessonCompletion();
        completion.person = Person.findById(user.id());
        completion.lessonId = lessonId;
        completion.lessonVersion = version;
        completion.lessonMajor = LessonVersion.parse(version).orElseThrow().major();
        completion.score = 100;
        completion.attempts = 1;
        completion.completedAt = Instant.now();
        completion.persist();
    }

    /** Completes lessons at their current versions. */
    public void completed(TestUser user, List<Lesson> lessons) {
        lessons.forEach(l -> completed(user, l.id(), l.version().toString()));
    }

    public List<Lesson> curriculumLessons(String id) {
        return catalog.curriculum(id).orElseThrow().lessons();
    }

    public Lesson lesson(String id) {
        return catalog.findLesson(id).orElseThrow();
    }

    /** The right answers of a lesson's quiz, as the API takes them. */
    public Map<String, List<Integer>> rightAnswers(Lesson lesson) {
        Map<String, List<Integer>> answers = new LinkedHashMap<>();
        lesson.quiz().forEach(q -> answers.put("q" + q.number(), new ArrayList<>(q.correctOptions())));
        return answers;
    }

    /** Answers with exactly {@code right} questions right, the others wrong. */
    public Map<String, List<Integer>> answersWithRight(Lesson lesson, int right) {
        Map<String, List<Integer>> answers = rightAnswers(lesson);
        for (Question q : lesson.quiz().subList(right, lesson.quiz().size())) {
            answers.put("q" + q.number(), List.of(wrongOption(q)));
        }
        return answers;
    }

    /** An option that is not correct. */
    public static int wrongOption(Question question) {
        return question.options().stream().filter(o -> !o.correct()).findFirst().orElseThrow().number();
    }
}
