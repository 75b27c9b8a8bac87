package io.tollgate.training.catalog;

import io.tollgate.platform.ContentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one lesson file (docs/content-format.md): front matter, Markdown body with its sections in order, and the
 * quiz. Every problem is a {@link ContentException} with the file, the line and what is wrong.
 */
final class LessonReader {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final List<String> KEYS = List.of("id", "title", "track", "minutes", "version", "summary", "tags");
    static final List<String> SECTIONS = List.of("Objectives", "Why it matters for Lambda", "Vulnerable example",
            "Fixed example", "How Tollgate and scanners detect it", "Checklist", "References", "Quiz");
    static final int MIN_QUESTIONS = 4;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 6;
    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 15;

    private static final String FRONT_MATTER_FENCE = "---";
    private static final Pattern OPTION = Pattern.compile("- \\[([ xX])] (.+)");
    private static final String EXPLANATION = "  > ";

    /** A front matter value and the line it is on. */
    private record Entry(String value, int line) {
    }

    /** A question while its options are read. */
    private static final class QuestionDraft {
        final String text;
        final int line;
        final List<Question.Option> options = new ArrayList<>();
        String pendingOption;
        boolean pendingCorrect;
        int pendingLine;

        QuestionDraft(String text, int line) {
            this.text = text;
            this.line = line;
        }
    }

    private final LessonMarkdown markdown;
    private final Function<String, Optional<String>> tagProblem;

    /**
     * @param tagProblem what is wrong with a tag, or empty for a known OWASP, SAS, CWE or practice id
     */
    LessonReader(LessonMarkdown markdown, Function<String, Optional<String>> tagProblem) {
        this.markdown = markdown;
        this.tagProblem = tagProblem;
    }

    /**
     * @param idsSoFar the lessons read before, by id, so that a second use of an id is reported where it is written
     */
    Lesson read(Path file, Map<String, Path> idsSoFar) {
        List<String> lines = lines(file);
        if (lines.isEmpty() || !lines.get(0).equals(FRONT_MATTER_FENCE)) {
            throw new ContentException(file, 1, "a lesson starts with front matter between two '---' lines");
        }
        int end = lines.subList(1, lines.size()).indexOf(FRONT_MATTER_FENCE) + 1;
        if (end == 0) {
            throw new ContentException(file, 1, "the front matter is not closed by a '---' line");
        }
        Map<String, Entry> front = frontMatter(file, lines, end);
        String id = front.get("id").value();
        if (!ID.matcher(id).matches()) {
            throw new ContentException(file, front.get("id").line(), "id '" + id + "' must be lower-case words joined by '-'");
        }
        if (idsSoFar.containsKey(id)) {
            throw new ContentException(file, front.get("id").line(), "id '" + id + "' is already used by "
                    + idsSoFar.get(id).getFileName());
        }
        if (!file.getFileName().toString().equals(id + ".md")) {
            throw new ContentException(file, front.get("id").line(), "id '" + id + "' differs from the file name; name the file "
                    + id + ".md");
        }
        String title = front.get("title").value();
        Track track = Track.fromId(front.get("track").value()).orElseThrow(() -> new ContentException(file,
                front.get("track").line(), "unknown track '" + front.get("track").value() + "'; use one of "
                + List.of(Track.values()).stream().map(Track::id).toList()));
        int minutes = minutes(file, front.get("minutes"));
        LessonVersion version = LessonVersion.parse(front.get("version").value()).orElseThrow(() -> new ContentException(
                file, front.get("version").line(), "version '" + front.get("version").value() + "' is not MAJOR.MINOR.PATCH"));
        List<String> tags = tags(file, front.get("tags"));
        int quizStart = checkSections(file, lines, end + 1);
        String body = String.join("\n", lines.subList(end + 1, quizStart - 1));
        List<Question> quiz = quiz(file, lines, quizStart);
        return new Lesson(id, title, track, minutes, version, front.get("summary").value(), tags,
                markdown.render(body), quiz);
    }

    private static Map<String, Entry> frontMatter(Path file, List<String> lines, int end) {
        Map<String, Entry> values = new LinkedHashMap<>();
        for (int i = 1; i < end; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ContentException(file, i + 1, "expected 'key: value' in the front matter, found '" + line + "'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!KEYS.contains(key)) {
                throw new ContentException(file, i + 1, "unknown front matter key '" + key + "'; the keys are " + KEYS);
            }
            if (values.containsKey(key)) {
                throw new ContentException(file, i + 1, "'" + key + "' is given twice (first at line " + values.get(key).line() + ")");
            }
            if (value.isEmpty()) {
                throw new ContentException(file, i + 1, "'" + key + "' has no value");
            }
            values.put(key, new Entry(value, i + 1));
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw new ContentException(file, 1, "the front matter lacks '" + key + "'");
            }
        }
        return values;
    }

    private static int minutes(Path file, Entry entry) {
        try {
            int minutes = Integer.parseInt(entry.value());
            if (minutes >= MIN_MINUTES && minutes <= MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ContentException(file, entry.line(), "minutes must be a whole number from " + MIN_MINUTES + " to "
                + MAX_MINUTES + ", found '" + entry.value() + "'");
    }

    private List<String> tags(Path file, Entry entry) {
        String list = entry.value();
        if (!list.startsWith("[") || !list.endsWith("]")) {
            throw new ContentException(file, entry.line(), "tags are a list in brackets, like [A05:2025, SAS-1, CWE-89]");
        }
        List<String> tags = new ArrayList<>();
        for (String part : list.substring(1, list.length() - 1).split(",")) {
            String tag = part.strip();
            if (tag.isEmpty()) {
                throw new ContentException(file, entry.line(), "the tag list has an empty entry");
            }
            Optional<String> problem = tagProblem.apply(tag);
            if (problem.isPresent()) {
                throw new ContentException(file, entry.line(), problem.get());
            }
            if (tags.contains(tag)) {
                throw new ContentException(file, entry.line(), "tag '" + tag + "' is given twice");
            }
            tags.add(tag);
        }
        if (tags.isEmpty()) {
            throw new ContentException(file, entry.line(), "a lesson needs at least one tag");
        }
        return List.copyOf(tags);
    }

    /** Checks the second-level headings (outside code blocks) and answers the line of "## Quiz". */
    private static int checkSections(Path file, List<String> lines, int from) {
        int next = 0;
        String fence = null;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.stripLeading();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
                continue;
            }
            if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (!line.startsWith("## ")) {
                continue;
            }
            String heading = line.substring(3).strip();
            if (next == SECTIONS.size() || !heading.equals(SECTIONS.get(next))) {
                String expected = next == SECTIONS.size() ? "no section after '## Quiz'" : "'## " + SECTIONS.get(next) + "'";
                throw new ContentException(file, i + 1, "found '## " + heading + "' where " + expected
                        + " belongs; the sections are, in order: " + SECTIONS);
            }
            next++;
            if (next == SECTIONS.size()) {
                return i + 1;
            }
        }
        if (fence != null) {
            throw new ContentException(file, lines.size(), "a code block opened with " + fence + " is never closed");
        }
        throw new ContentException(file, lines.size(), "the section '## " + SECTIONS.get(next) + "' is missing");
    }

    private static List<Question> quiz(Path file, List<String> lines, int quizHeadingLine) {
        List<Question> questions = new ArrayList<>();
        QuestionDraft current = null;
        for (int i = quizHeadingLine; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            var option = OPTION.matcher(line);
            if (line.isBlank()) {
                if (current != null && current.pendingOption != null) {
                    throw noExplanation(file, current);
                }
            } else if (line.startsWith("### ")) {
                if (current != null) {
                    questions.add(finish(file, current, questions.size() + 1));
                }
                current = new QuestionDraft(line.substring(4).strip(), lineNumber);
            } else if (option.matches()) {
                if (current == null) {
                    throw new ContentException(file, lineNumber, "an option before the first question ('### ...')");
                }
                if (current.pendingOption != null) {
                    throw noExplanation(file, current);
                }
                current.pendingOption = option.group(2).strip();
                current.pendingCorrect = !option.group(1).isBlank();
                current.pendingLine = lineNumber;
            } else if (line.startsWith(EXPLANATION) && !line.substring(EXPLANATION.length()).isBlank()) {
                if (current == null || current.pendingOption == null) {
                    throw new ContentException(file, lineNumber,
                            "an explanation belongs right after its option, and each option has exactly one");
                }
                current.options.add(new Question.Option(current.options.size() + 1, current.pendingOption,
                        current.pendingCorrect, line.substring(EXPLANATION.length()).strip()));
                current.pendingOption = null;
            } else {
                throw new ContentException(file, lineNumber, "unexpected line in the quiz; expected '### question', "
                        + "'- [x] correct option', '- [ ] wrong option' or '  > explanation'");
            }
        }
        if (current != null) {
            questions.add(finish(file, current, questions.size() + 1));
        }
        if (questions.size() < MIN_QUESTIONS) {
            throw new ContentException(file, quizHeadingLine, "the quiz has " + questions.size()
                    + " question(s); a lesson needs at least " + MIN_QUESTIONS);
        }
        return List.copyOf(questions);
    }

    private static Question finish(Path file, QuestionDraft draft, int number) {
        if (draft.pendingOption != null) {
            throw noExplanation(file, draft);
        }
        if (draft.text.isEmpty()) {
            throw new ContentException(file, draft.line, "the question has no text");
        }
        if (draft.options.size() < MIN_OPTIONS || draft.options.size() > MAX_OPTIONS) {
            throw new ContentException(file, draft.line, "the question has " + draft.options.size()
                    + " option(s); a question needs " + MIN_OPTIONS + " to " + MAX_OPTIONS);
        }
        if (draft.options.stream().noneMatch(Question.Option::correct)) {
            throw new ContentException(file, draft.line, "the question has no correct option; mark one with '- [x]'");
        }
        return new Question(number, draft.text, List.copyOf(draft.options));
    }

    private static ContentException noExplanation(Path file, QuestionDraft draft) {
        return new ContentException(file, draft.pendingLine,
                "the option needs an explanation on the next line, written '  > text'");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ContentException(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lesson " + file, e);
        }
    }
}
