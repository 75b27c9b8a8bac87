package io.tollgate.training.catalog;

import io.tollgate.platform.ContentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one curriculum file (docs/content-format.md): {@code key: value} settings, a blank line, then one lesson id
 * per line; {@code #} lines are comments. Problems are reported with the file and the line.
 */
final class CurriculumReader {

    static final List<String> KEYS = List.of("title", "description", "required", "due-days");
    static final int MAX_DUE_DAYS = 365;

    private final Map<String, Lesson> lessons;

    CurriculumReader(Map<String, Lesson> lessons) {
        this.lessons = lessons;
    }

    Curriculum read(Path file) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".txt".length());
        if (!LessonReader.ID.matcher(id).matches()) {
            throw new ContentException(file, 0, "the file name must be lower-case words joined by '-', then .txt");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read curriculum " + file, e);
        }
        Map<String, String> settings = new HashMap<>();
        Map<String, Integer> settingLines = new HashMap<>();
        int i = 0;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon <= 0 ? "" : line.substring(0, colon).strip();
            if (!KEYS.contains(key)) {
                throw new ContentException(file, i + 1, "expected a setting 'key: value' with a key of " + KEYS
                        + ", then a blank line before the lessons");
            }
            if (settings.containsKey(key)) {
                throw new ContentException(file, i + 1, "'" + key + "' is given twice (first at line " + settingLines.get(key) + ")");
            }
            settings.put(key, line.substring(colon + 1).strip());
            settingLines.put(key, i + 1);
        }
        for (String key : KEYS) {
            if (settings.getOrDefault(key, "").isEmpty()) {
                throw new ContentException(file, settingLines.getOrDefault(key, 1), "the setting '" + key + "' is missing or empty");
            }
        }
        String required = settings.get("required");
        if (!required.equals("true") && !required.equals("false")) {
            throw new ContentException(file, settingLines.get("required"), "required must be true or false");
        }
        int dueDays = dueDays(file, settings.get("due-days"), settingLines.get("due-days"));
        List<Lesson> listed = new ArrayList<>();
        Map<String, Integer> listedAt = new HashMap<>();
        for (; i < lines.size(); i++) {
            String lessonId = lines.get(i).strip();
            if (lessonId.isEmpty() || lessonId.startsWith("#")) {
                continue;
            }
            Lesson lesson = lessons.get(lessonId);
            if (lesson == null) {
                throw new ContentException(file, i + 1, "links to lesson '" + lessonId + "', which does not exist");
            }
            if (listedAt.containsKey(lessonId)) {
                throw new ContentException(file, i + 1, "lesson '" + lessonId + "' is listed twice (first at line "
                        + listedAt.get(lessonId) + ")");
            }
            listedAt.put(lessonId, i + 1);
            listed.add(lesson);
        }
        if (listed.isEmpty()) {
            throw new ContentException(file, lines.size(), "the curriculum lists no lessons");
        }
        return new Curriculum(id, settings.get("title"), settings.get("description"), Boolean.parseBoolean(required),
                dueDays, List.copyOf(listed));
    }

    private static int dueDays(Path file, String value, int line) {
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= MAX_DUE_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ContentException(file, line, "due-days must be a whole number from 1 to " + MAX_DUE_DAYS + ", found '" + value + "'");
    }
}
