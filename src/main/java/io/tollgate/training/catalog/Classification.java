package io.tollgate.training.catalog;

/**
 * Where a finding belongs in the training: its OWASP Top 10:2025 category, Serverless Top 10 id, practice of the
 * talk, and the lesson that teaches the fix. Any part may be {@code null} when it cannot be derived.
 */
public record Classification(String owaspCategory, String sasId, String practice, LessonRef lesson) {

    public static final Classification NONE = new Classification(null, null, null, null);
}
