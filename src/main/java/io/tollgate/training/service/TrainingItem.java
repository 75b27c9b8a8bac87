package io.tollgate.training.service;

import io.tollgate.training.catalog.Curriculum;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.TrainingCatalog;

import java.util.List;
import java.util.Optional;

/** What can be assigned: a curriculum or a single lesson, resolved from the catalogue. */
public record TrainingItem(Kind kind, String id, String title, List<Lesson> lessons) {

    /** The two kinds of assignable training. */
    public enum Kind { CURRICULUM, LESSON }

    public static TrainingItem of(Curriculum curriculum) {
        return new TrainingItem(Kind.CURRICULUM, curriculum.id(), curriculum.title(), curriculum.lessons());
    }

    public static TrainingItem of(Lesson lesson) {
        return new TrainingItem(Kind.LESSON, lesson.id(), lesson.title(), List.of(lesson));
    }

    /** The item an assignment names; empty when its file has since been removed from the content. */
    public static Optional<TrainingItem> resolve(TrainingCatalog catalog, String curriculumId, String lessonId) {
        return curriculumId != null ? catalog.curriculum(curriculumId).map(TrainingItem::of)
                : catalog.findLesson(lessonId).map(TrainingItem::of);
    }

    /** A key that is the same for every assignment of this item. */
    public String key() {
        return kind.name().toLowerCase() + ":" + id;
    }

    public String path() {
        return (kind == Kind.CURRICULUM ? "/curricula/" : "/lessons/") + id;
    }

    public boolean curriculum() {
        return kind == Kind.CURRICULUM;
    }
}
