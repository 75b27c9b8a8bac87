package io.tollgate.training.catalog;

import java.util.List;

/**
 * A lesson as read from content/lessons: its front matter, the body rendered to safe HTML, and the quiz.
 */
public record Lesson(String id, String title, Track track, int minutes, LessonVersion version, String summary,
                     List<String> tags, RenderedMarkdown body, List<Question> quiz) {

    /** The lightweight pointer other features keep. */
    public LessonRef ref() {
        return new LessonRef(id, title, track.id(), tags);
    }

    public String path() {
        return ref().path();
    }

    public boolean taggedWith(String tag) {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    }
}
