package io.tollgate.training.catalog;

import java.util.List;

/**
 * An ordered list of lessons from content/curricula. A required curriculum applies to every member of a team and is
 * due {@code dueDays} after the person first joined one; an assignment of any curriculum that names no due date is
 * due {@code dueDays} after it was made.
 */
public record Curriculum(String id, String title, String description, boolean required, int dueDays,
                         List<Lesson> lessons) {

    public String path() {
        return "/curricula/" + id;
    }

    public int minutes() {
        return lessons.stream().mapToInt(Lesson::minutes).sum();
    }
}
