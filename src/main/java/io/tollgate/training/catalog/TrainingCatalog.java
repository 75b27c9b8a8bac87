package io.tollgate.training.catalog;

import io.tollgate.platform.ContentConfig;
import io.tollgate.platform.ContentException;
import io.tollgate.platform.TabularContent;
import io.tollgate.platform.TabularContent.Row;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The map between weaknesses and lessons: the official CWE lists of the OWASP Top 10 (2025, and 2021 for tools that
 * still emit it), the Serverless Top 10, the talk's practices, and the lessons' tags. Loaded from content/ at
 * start-up; a broken table stops start-up with its file and line.
 */
@Startup
@ApplicationScoped
public class TrainingCatalog {

    private final Map<String, LessonRef> lessons = new LinkedHashMap<>();
    private final Map<Integer, String> owasp2025ByCwe = new HashMap<>();
    private final Map<Integer, String> owasp2021ByCwe = new HashMap<>();
    private final Map<String, String> owasp2021To2025 = new HashMap<>();
    private final Map<String, String> owaspLesson = new HashMap<>();
    private final Map<String, String> owaspNames = new LinkedHashMap<>();
    private final Map<String, String> sasLesson = new HashMap<>();
    private final Map<String, String> sasNames = new LinkedHashMap<>();
    private final Map<String, String> practiceLesson = new HashMap<>();
    private final Map<String, String> practiceNames = new LinkedHashMap<>();

    TrainingCatalog(ContentConfig config) {
        Path content = Path.of(config.dir());
        readLessons(content.resolve("lessons"));
        Path mappings = content.resolve("mappings");
        for (Row row : TabularContent.read(mappings.resolve("owasp-2025.tsv"), "id", "name", "lesson")) {
            owaspNames.put(row.get("id"), row.get("name"));
            owaspLesson.put(row.get("id"), lessonId(row, "lesson"));
        }
        readCweList(mappings.resolve("owasp-2025-cwe.tsv"), owasp2025ByCwe);
        readCweList(mappings.resolve("owasp-2021-cwe.tsv"), owasp2021ByCwe);
        for (Row row : TabularContent.read(mappings.resolve("owasp-2021-to-2025.tsv"), "from", "to")) {
            owasp2021To2025.put(row.get("from"), known(row, "to", owaspNames));
        }
        for (Row row : TabularContent.read(mappings.resolve("serverless-top10.tsv"), "id", "name", "lesson")) {
            sasNames.put(row.get("id"), row.get("name"));
            sasLesson.put(row.get("id"), lessonId(row, "lesson"));
        }
        for (Row row : TabularContent.read(mappings.resolve("practices.tsv"), "id", "name", "lesson")) {
            practiceNames.put(row.get("id"), row.get("name"));
            practiceLesson.put(row.get("id"), lessonId(row, "lesson"));
        }
    }

    /** The OWASP Top 10:2025 category of the first CWE that has one, directly or through its 2021 category. */
    public Optional<String> owaspCategory(Collection<Integer> cweIds) {
        for (Integer cwe : cweIds) {
            String category = owasp2025ByCwe.get(cwe);
            if (category == null && owasp2021ByCwe.containsKey(cwe)) {
                category = owasp2021To2025.get(owasp2021ByCwe.get(cwe));
            }
            if (category != null) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /**
     * Classifies a finding from its CWE ids, and from the practice of a control when it comes from an account
     * check. The lesson is the most specific one: the practice's lesson for controls, else the lesson tagged with
     * the most of the finding's CWE ids, else the OWASP category's lesson.
     */
    public Classification classify(Collection<Integer> cweIds, String controlPractice) {
        String owasp = owaspCategory(cweIds).orElse(null);
        LessonRef byCwe = bestLessonForCwes(cweIds);
        String sas = lessonsTaggedWithAny(cweIds, "serverless-top10").stream()
                .flatMap(l -> l.tags().stream()).filter(t -> t.startsWith("SAS-")).findFirst().orElse(null);
        LessonRef lesson;
        String practice = controlPractice;
        if (controlPractice != null) {
            lesson = lessons.get(practiceLesson.get(controlPractice));
        } else if (byCwe != null) {
            lesson = byCwe;
        } else {
            lesson = owasp == null ? null : lessons.get(owaspLesson.get(owasp));
        }
        if (practice == null && lesson != null) {
            practice = lesson.tags().stream().filter(practiceNames::containsKey).findFirst().orElse(null);
        }
        return new Classification(owasp, sas, practice, lesson);
    }

    public Optional<LessonRef> lesson(String id) {
        return Optional.ofNullable(lessons.get(id));
    }

    public Map<String, String> owaspCategories() {
        return owaspNames;
    }

    public Map<String, String> serverlessTop10() {
        return sasNames;
    }

    public Map<String, String> practices() {
        return practiceNames;
    }

    public Optional<LessonRef> lessonForOwasp(String category) {
        return Optional.ofNullable(owaspLesson.get(category)).map(lessons::get);
    }

    public Optional<LessonRef> lessonForSas(String sasId) {
        return Optional.ofNullable(sasLesson.get(sasId)).map(lessons::get);
    }

    public Optional<LessonRef> lessonForPractice(String practice) {
        return Optional.ofNullable(practiceLesson.get(practice)).map(lessons::get);
    }

    private LessonRef bestLessonForCwes(Collection<Integer> cweIds) {
        LessonRef best = null;
        long bestOverlap = 0;
        for (LessonRef lesson : lessons.values()) {
            long overlap = cweIds.stream().filter(cwe -> lesson.tags().contains("CWE-" + cwe)).count();
            if (overlap > bestOverlap) {
                best = lesson;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private List<LessonRef> lessonsTaggedWithAny(Collection<Integer> cweIds, String track) {
        return lessons.values().stream().filter(l -> l.track().equals(track))
                .filter(l -> cweIds.stream().anyMatch(cwe -> l.tags().contains("CWE-" + cwe))).toList();
    }

    private void readLessons(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                Map<String, String> front = frontMatter(file);
                String id = front.get("id");
                String tags = front.getOrDefault("tags", "[]").strip();
                if (id == null || !tags.startsWith("[") || !tags.endsWith("]")) {
                    throw new ContentException(file, 1, "front matter needs an id and tags in brackets");
                }
                List<String> tagList = new ArrayList<>();
                for (String tag : tags.substring(1, tags.length() - 1).split(",")) {
                    if (!tag.isBlank()) {
                        tagList.add(tag.strip());
                    }
                }
                lessons.put(id, new LessonRef(id, front.get("title"), front.get("track"), List.copyOf(tagList)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lessons in " + folder, e);
        }
    }

    private static Map<String, String> frontMatter(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("---")) {
            throw new ContentException(file, 1, "a lesson starts with a front matter block between --- lines");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < lines.size() && !lines.get(i).equals("---"); i++) {
            int colon = lines.get(i).indexOf(':');
            if (colon > 0) {
                values.put(lines.get(i).substring(0, colon).strip(), lines.get(i).substring(colon + 1).strip());
            }
        }
        return values;
    }

    private void readCweList(Path file, Map<Integer, String> target) {
        for (Row row : TabularContent.read(file, "category", "cwe")) {
            String cwe = row.get("cwe");
            if (!cwe.matches("CWE-\\d+")) {
                throw new ContentException(file, row.line(), "'" + cwe + "' is not a CWE id like CWE-79");
            }
            target.putIfAbsent(Integer.valueOf(cwe.substring(4)), row.get("category"));
        }
    }

    private String lessonId(Row row, String column) {
        String id = row.get(column);
        if (!lessons.containsKey(id)) {
            throw new ContentException(row.file(), row.line(), "links to lesson '" + id + "', which does not exist");
        }
        return id;
    }

    private static String known(Row row, String column, Map<String, String> ids) {
        String id = row.get(column);
        if (!ids.containsKey(id)) {
            throw new ContentException(row.file(), row.line(), "'" + id + "' is not a known category");
        }
        return id;
    }
}
