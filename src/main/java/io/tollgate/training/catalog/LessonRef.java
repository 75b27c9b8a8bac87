package io.tollgate.training.catalog;

import java.util.List;

/** A lesson as other features point at it: id, title and the tags that classify it. */
public record LessonRef(String id, String title, String track, List<String> tags) {

    public String path() {
        return "/lessons/" + id;
    }
}
