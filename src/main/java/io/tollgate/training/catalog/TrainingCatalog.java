package io.tollgate.training.catalog;

import io.quarkus.runtime.Startup;
import io.tollgate.platform.ContentConfig;
import io.tollgate.platform.ContentException;
import io.tollgate.platform.TabularContent;
import io.tollgate.platform.TabularContent.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tollgate's training content, read from content/ at start-up: the lessons with their quizzes, the curricula, and
 * the map between weaknesses and lessons (the official CWE lists of the OWASP Top 10 2025, and 2021 for tools that
 * still emit it, the Serverless Top 10, the talk's practices, and the lessons' tags). Any broken file stops start-up
 * with its name, the line and what is wrong.
 */
@Startup
@ApplicationScoped
public class TrainingCatalog {

    private static final String OWASP_2025 = "A\\d{2}:2025";

    /** By id, in file order: classification breaks ties by it, so that findings keep their lessons. */
    private final Map<String, Lesson> lessons = new LinkedHashMap<>();
    private final List<Lesson> catalogue = new ArrayList<>();
    private final Map<String, Curriculum> curricula = new LinkedHashMap<>();
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
        Path mappings = content.resolve("mappings");
        List<Row> owaspRows = TabularContent.read(mappings.resolve("owasp-2025.tsv"), "id", "name", "lesson");
        List<Row> sasRows = TabularContent.read(mappings.resolve("serverless-top10.tsv"), "id", "name", "lesson");
        List<Row> practiceRows = TabularContent.read(mappings.resolve("practices.tsv"), "id", "name", "lesson");
        readNames(owaspRows, owaspNames, OWASP_2025, "an OWASP Top 10:2025 id like A05:2025");
        readNames(sasRows, sasNames, "SAS-\\d{1,2}", "a Serverless Top 10 id like SAS-4");
        readNames(practiceRows, practiceNames, LessonReader.ID.pattern(), "a practice id of lower-case words joined by '-'");
        readLessons(content.resolve("lessons"));
        readLessonLinks(owaspRows, owaspLesson);
        readLessonLinks(sasRows, sasLesson);
        readLessonLinks(practiceRows, practiceLesson);
        orderCatalogue();
        readCweList(mappings.resolve("owasp-2025-cwe.tsv"), owasp2025ByCwe, owaspNames);
        readCweList(mappings.resolve("owasp-2021-cwe.tsv"), owasp2021ByCwe, null);
        for (Row row : TabularContent.read(mappings.resolve("owasp-2021-to-2025.tsv"), "from", "to")) {
            owasp2021To2025.put(row.get("from"), known(row, "to", owaspNames));
        }
        readCurricula(content.resolve("curricula"));
    }

    /** Every lesson: the practices in the talk's order, the OWASP and SAS lessons by id, then any others. */
    public List<Lesson> lessons() {
        return List.copyOf(catalogue);
    }

    public Optional<Lesson> findLesson(String id) {
        return Optional.ofNullable(lessons.get(id));
    }

    /** The lessons tagged with an OWASP id, SAS id, CWE id or practice id. */
    public List<Lesson> lessonsTagged(String tag) {
        return catalogue.stream().filter(l -> l.taggedWith(tag)).toList();
    }

    /** Every curriculum: the required ones first, then by title. */
    public List<Curriculum> curricula() {
        return List.copyOf(curricula.values());
    }

    public Optional<Curriculum> curriculum(String id) {
        return Optional.ofNullable(curricula.get(id));
    }

    /** The curricula every member of a team must complete. */
    public List<Curriculum> requiredCurricula() {
        return curricula.values().stream().filter(Curriculum::required).toList();
    }

    /** An OWASP Top 10:2025 category id as it is, or the 2025 category a 2021 id (A03:2021) went to. */
    public Optional<String> owasp2025(String categoryId) {
        String id = categoryId == null ? "" : categoryId.strip().toUpperCase();
        return owaspNames.containsKey(id) ? Optional.of(id) : Optional.ofNullable(owasp2021To2025.get(id));
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
        Lesson byCwe = bestLessonForCwes(cweIds);
        String sas = lessonsTaggedWithAny(cweIds, Track.SERVERLESS_TOP10).stream()
                .flatMap(l -> l.tags().stream()).filter(t -> t.startsWith("SAS-")).findFirst().orElse(null);
        Lesson lesson;
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
        return new Classification(owasp, sas, practice, lesson == null ? null : lesson.ref());
    }

    public Optional<LessonRef> lesson(String id) {
        return findLesson(id).map(Lesson::ref);
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
        return Optional.ofNullable(owaspLesson.get(category)).flatMap(this::lesson);
    }

    public Optional<LessonRef> lessonForSas(String sasId) {
        return Optional.ofNullable(sasLesson.get(sasId)).flatMap(this::lesson);
    }

    public Optional<LessonRef> lessonForPractice(String practice) {
        return Optional.ofNullable(practiceLesson.get(practice)).flatMap(this::lesson);
    }

    private Lesson bestLessonForCwes(Collection<Integer> cweIds) {
        Lesson best = null;
        long bestOverlap = 0;
        for (Lesson lesson : lessons.values()) {
            long overlap = cweIds.stream().filter(cwe -> lesson.tags().contains("CWE-" + cwe)).count();
            if (overlap > bestOverlap) {
                best = lesson;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private List<Lesson> lessonsTaggedWithAny(Collection<Integer> cweIds, Track track) {
        return lessons.values().stream().filter(l -> l.track() == track)
                .filter(l -> cweIds.stream().anyMatch(cwe -> l.tags().contains("CWE-" + cwe))).toList();
    }

    /** What is wrong with a lesson tag, if anything. */
    private Optional<String> tagProblem(String tag) {
        if (tag.matches("CWE-[1-9]\\d{0,4}")) {
            return Optional.empty();
        }
        if (tag.matches(OWASP_2025)) {
            return owaspNames.containsKey(tag) ? Optional.empty()
                    : Optional.of("tag '" + tag + "' is not an OWASP Top 10:2025 category of mappings/owasp-2025.tsv");
        }
        if (tag.startsWith("SAS-")) {
            return sasNames.containsKey(tag) ? Optional.empty()
                    : Optional.of("tag '" + tag + "' is not a Serverless Top 10 id of mappings/serverless-top10.tsv");
        }
        return practiceNames.containsKey(tag) ? Optional.empty()
                : Optional.of("unknown tag '" + tag + "'; tags are OWASP ids (A05:2025), SAS ids (SAS-1), CWE ids "
                + "(CWE-89) and the practice ids of mappings/practices.tsv");
    }

    private void readLessons(Path folder) {
        LessonReader reader = new LessonReader(new LessonMarkdown(), this::tagProblem);
        Map<String, Path> files = new HashMap<>();
        for (Path file : files(folder, ".md")) {
            Lesson lesson = reader.read(file, files);
            files.put(lesson.id(), file);
            lessons.put(lesson.id(), lesson);
        }
    }

    /** Lists the lessons in the order of the mapping tables, which follow the talk and the two Top 10 lists. */
    private void orderCatalogue() {
        Stream.of(practiceNames.keySet().stream().map(practiceLesson::get),
                        owaspNames.keySet().stream().map(owaspLesson::get),
                        sasNames.keySet().stream().map(sasLesson::get),
                        lessons.keySet().stream())
                .flatMap(ids -> ids).distinct()
                .forEach(id -> catalogue.add(lessons.get(id)));
    }

    private void readCurricula(Path folder) {
        CurriculumReader reader = new CurriculumReader(lessons);
        files(folder, ".txt").stream().map(reader::read)
                .sorted(Comparator.comparing((Curriculum c) -> !c.required()).thenComparing(Curriculum::title))
                .forEach(c -> curricula.put(c.id(), c));
    }

    private static List<Path> files(Path folder, String extension) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the content folder " + folder.toAbsolutePath()
                    + " (set TOLLGATE_CONTENT_DIR to Tollgate's content folder)", e);
        }
    }

    private static void readNames(List<Row> rows, Map<String, String> names, String idPattern, String idDescription) {
        for (Row row : rows) {
            String id = row.get("id");
            if (!id.matches(idPattern)) {
                throw new ContentException(row.file(), row.line(), "'" + id + "' is not " + idDescription);
            }
            if (names.putIfAbsent(id, row.get("name")) != null) {
                throw new ContentException(row.file(), row.line(), "'" + id + "' is listed twice");
            }
        }
    }

    private void readLessonLinks(List<Row> rows, Map<String, String> target) {
        for (Row row : rows) {
            String id = row.get("lesson");
            if (!lessons.containsKey(id)) {
                throw new ContentException(row.file(), row.line(), "links to lesson '" + id + "', which does not exist");
            }
            target.put(row.get("id"), id);
        }
    }

    /** Reads a category-to-CWE list; with {@code categories}, every category must be one of them. */
    private static void readCweList(Path file, Map<Integer, String> target, Map<String, String> categories) {
        for (Row row : TabularContent.read(file, "category", "cwe")) {
            String cwe = row.get("cwe");
            if (!cwe.matches("CWE-\\d+")) {
                throw new ContentException(file, row.line(), "'" + cwe + "' is not a CWE id like CWE-79");
            }
            String category = categories == null ? row.get("category") : known(row, "category", categories);
            target.putIfAbsent(Integer.valueOf(cwe.substring(4)), category);
        }
    }

    private static String known(Row row, String column, Map<String, String> ids) {
        String id = row.get(column);
        if (!ids.containsKey(id)) {
            throw new ContentException(row.file(), row.line(), "'" + id + "' is not a known category");
        }
        return id;
    }
}
