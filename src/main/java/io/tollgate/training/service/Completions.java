package io.tollgate.training.service;

import io.tollgate.training.LessonCompletion;
import io.tollgate.training.catalog.Lesson;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One person's lesson completions, judged against each lesson's current major version. */
public final class Completions {

    private final Map<String, List<LessonCompletion>> byLesson;

    Completions(Collection<LessonCompletion> completions) {
        this.byLesson = completions.stream().collect(Collectors.groupingBy(c -> c.lessonId));
    }

    /** The completion that counts: one of the lesson's current major version. */
    public Optional<LessonCompletion> of(Lesson lesson) {
        return byLesson.getOrDefault(lesson.id(), List.of()).stream()
                .filter(c -> c.lessonMajor == lesson.version().major()).findFirst();
    }

    public boolean completed(Lesson lesson) {
        return of(lesson).isPresent();
    }

    /** The latest completion of an earlier major version, when the current one is not completed: take it again. */
    public Optional<LessonCompletion> outdated(Lesson lesson) {
        if (completed(lesson)) {
            return Optional.empty();
        }
        return byLesson.getOrDefault(lesson.id(), List.of()).stream()
                .max(Comparator.comparing((LessonCompletion c) -> c.completedAt));
    }
}
