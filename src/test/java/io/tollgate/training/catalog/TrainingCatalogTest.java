package io.tollgate.training.catalog;

import io.tollgate.platform.ContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real content loads; a broken copy of it stops the catalogue with the file, the line and the problem. */
class TrainingCatalogTest {

    private static final Path CONTENT = Path.of("content");
    private static final String CLEAN_TMP = "lessons/practice-clean-tmp.md";

    @TempDir
    Path copy;

    @Test
    void theRealContentHasAllLessonsCurriculaAndLinks() {
        TrainingCatalog catalog = new TrainingCatalog(() -> CONTENT.toString());

        assertThat(catalog.lessons()).hasSize(27);
        assertThat(catalog.lessons()).extracting(Lesson::id).as("the practices in the talk's order, then A01..A10, SAS-1..SAS-10")
                .startsWith("practice-clean-tmp", "practice-fine-grained-functions")
                .containsSubsequence("practice-account-security", "a01-broken-access-control", "a10-mishandling-exceptional-conditions",
                        "sas-01-event-data-injection", "sas-10-improper-exception-handling");
        assertThat(catalog.lessons().stream().filter(l -> l.track() == Track.PRACTICES)).hasSize(7);
        assertThat(catalog.lessons().stream().filter(l -> l.track() == Track.OWASP_TOP10_2025)).hasSize(10);
        assertThat(catalog.lessons().stream().filter(l -> l.track() == Track.SERVERLESS_TOP10)).hasSize(10);
        assertThat(catalog.lessons()).allSatisfy(lesson -> {
            assertThat(lesson.quiz()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(lesson.minutes()).isBetween(5, 15);
            assertThat(lesson.quiz()).allSatisfy(q -> assertThat(q.options()).allSatisfy(o -> assertThat(o.explanation()).isNotBlank()));
        });
        assertThat(catalog.curricula()).extracting(Curriculum::id).containsExactly("onboarding", "full", "team-lead");
        Curriculum onboarding = catalog.curriculum("onboarding").orElseThrow();
        assertThat(onboarding.required()).isTrue();
        assertThat(onboarding.dueDays()).isEqualTo(14);
        assertThat(onboarding.lessons()).extracting(Lesson::id).startsWith("practice-clean-tmp").hasSize(12);
        assertThat(catalog.requiredCurricula()).containsExactly(onboarding);
        assertThat(catalog.curriculum("full").orElseThrow().lessons()).hasSize(27);
    }

    @Test
    void lessonsAreFoundByCweOwaspSasAndPractice() {
        TrainingCatalog catalog = new TrainingCatalog(() -> CONTENT.toString());

        assertThat(catalog.classify(List.of(89), null).lesson().id()).isEqualTo("a05-injection");
        assertThat(catalog.classify(List.of(89), null).owaspCategory()).isEqualTo("A05:2025");
        assertThat(catalog.lessonForOwasp("A01:2025")).map(LessonRef::id).contains("a01-broken-access-control");
        assertThat(catalog.lessonForSas("SAS-4")).map(LessonRef::id).contains("sas-04-over-privileged-functions");
        assertThat(catalog.lessonForPractice("clean-tmp")).map(LessonRef::path).contains("/lessons/practice-clean-tmp");
        assertThat(catalog.lessonsTagged("cwe-377")).extracting(Lesson::id).contains("practice-clean-tmp");
        assertThat(catalog.lessonForSas("SAS-11")).isEmpty();
    }

    @Test
    void rawHtmlAndScriptLinksInLessonTextAreEscaped() throws IOException {
        copyContent();
        replace(CLEAN_TMP, "## Objectives\n", "## Objectives\n\n<script>alert('x')</script>\n\n"
                + "[click](javascript:alert(1)) and <img src=x onerror=alert(2)> and [docs](https://docs.aws.amazon.com/lambda/)\n\n");

        String html = load().findLesson("practice-clean-tmp").orElseThrow().body().html();

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:")
                .contains("&lt;script&gt;alert").contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("href=\"https://docs.aws.amazon.com/lambda/\"").contains("rel=\"nofollow noopener noreferrer\"");
        assertThat(html).as("the quiz is not part of the body").doesNotContain("Which statement about /tmp");
    }

    @Test
    void aFrontMatterLineWithoutKeyIsReported() throws IOException {
        copyContent();
        replace(CLEAN_TMP, "title: Clean up", "title Clean up");

        assertProblem(CLEAN_TMP + ":3: expected 'key: value' in the front matter");
    }

    @Test
    void frontMatterValuesAreChecked() throws IOException {
        copyContent();
        replace(CLEAN_TMP, "minutes: 12", "minutes: 45");
        assertProblem(CLEAN_TMP + ":5: minutes must be a whole number from 5 to 15, found '45'");

        replace(CLEAN_TMP, "minutes: 45", "minutes: 12");
        replace(CLEAN_TMP, "version: 1.0.0", "version: one");
        assertProblem(CLEAN_TMP + ":6: version 'one' is not MAJOR.MINOR.PATCH");

        replace(CLEAN_TMP, "version: one", "version: 1.0.0\nauthor: me");
        assertProblem(CLEAN_TMP + ":7: unknown front matter key 'author'");

        replace(CLEAN_TMP, "author: me\n", "");
        replace(CLEAN_TMP, "tags: [clean-tmp,", "tags: [clean-tmp, A11:2025,");
        assertProblem(CLEAN_TMP + ":8: tag 'A11:2025' is not an OWASP Top 10:2025 category");

        replace(CLEAN_TMP, "---\nid: practice-clean-tmp", "id: practice-clean-tmp");
        assertProblem(CLEAN_TMP + ":1: a lesson starts with front matter");
    }

    @Test
    void aQuestionWithoutACorrectAnswerIsReportedAtTheQuestion() throws IOException {
        copyContent();
        replace(CLEAN_TMP, "- [x] A file written there can be read", "- [ ] A file written there can be read");

        assertProblem(CLEAN_TMP + ":" + lineOf(CLEAN_TMP, "### Which statement about /tmp")
                + ": the question has no correct option");
    }

    @Test
    void anOptionWithoutExplanationAndAShortQuizAreReported() throws IOException {
        copyContent();
        String original = read(CLEAN_TMP);
        String option = "- [ ] It is shared by every function in the account.";
        replace(CLEAN_TMP, option + "\n  > No: each execution environment has its own /tmp and environments are never shared across functions.\n",
                option + "\n");
        assertProblem(CLEAN_TMP + ":" + lineOf(CLEAN_TMP, option) + ": the option needs an explanation");

        write(CLEAN_TMP, original.substring(0, original.indexOf("### The cleanup helper")));
        assertProblem(CLEAN_TMP + ":" + lineOf(CLEAN_TMP, "## Quiz") + ": the quiz has 1 question(s); a lesson needs at least 4");
    }

    @Test
    void sectionsMustComeInOrder() throws IOException {
        copyContent();
        replace(CLEAN_TMP, "## Checklist", "## Things to check");

        assertProblem(CLEAN_TMP + ":" + lineOf(CLEAN_TMP, "## Things to check") + ": found '## Things to check' where '## Checklist' belongs");
    }

    @Test
    void aDuplicateIdIsReportedWithBothFiles() throws IOException {
        copyContent();
        write("lessons/zz-copy.md", read(CLEAN_TMP));

        assertProblem("lessons/zz-copy.md:2: id 'practice-clean-tmp' is already used by practice-clean-tmp.md");
    }

    @Test
    void anIdMustMatchItsFileName() throws IOException {
        copyContent();
        write("lessons/other-name.md", read(CLEAN_TMP).replace("id: practice-clean-tmp", "id: other"));

        assertProblem("lessons/other-name.md:2: id 'other' differs from the file name");
    }

    @Test
    void aCurriculumLinkToAMissingLessonIsReported() throws IOException {
        copyContent();
        replace("curricula/team-lead.txt", "a06-insecure-design", "a06-insecure-designs");

        assertProblem("curricula/team-lead.txt:" + lineOf("curricula/team-lead.txt", "a06-insecure-designs")
                + ": links to lesson 'a06-insecure-designs', which does not exist");
    }

    @Test
    void aMappingLinkToAMissingLessonIsReported() throws IOException {
        copyContent();
        replace("mappings/practices.tsv", "\tpractice-observability", "\tpractice-observation");

        assertProblem("mappings/practices.tsv:" + lineOf("mappings/practices.tsv", "practice-observation")
                + ": links to lesson 'practice-observation', which does not exist");
    }

    @Test
    void curriculumSettingsAreChecked() throws IOException {
        copyContent();
        replace("curricula/onboarding.txt", "due-days: 14", "due-days: two weeks");
        assertProblem("curricula/onboarding.txt:4: due-days must be a whole number from 1 to 365");

        replace("curricula/onboarding.txt", "due-days: two weeks", "due-days: 14");
        replace("curricula/onboarding.txt", "a05-injection\n", "a05-injection\na05-injection\n");
        assertProblem("curricula/onboarding.txt:" + (lineOf("curricula/onboarding.txt", "a05-injection") + 1)
                + ": lesson 'a05-injection' is listed twice");
    }

    private void assertProblem(String expected) {
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class)
                .hasMessageContaining(copy.resolve(expected.substring(0, expected.indexOf(':'))).toString())
                .hasMessageContaining(expected);
    }

    private TrainingCatalog load() {
        return new TrainingCatalog(() -> copy.toString());
    }

    private void copyContent() throws IOException {
        try (Stream<Path> files = Files.walk(CONTENT)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(CONTENT.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        String text = read(file);
        assertThat(text).as("test setup: %s contains the text to replace", file).contains(from);
        write(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(copy.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private String read(String file) throws IOException {
        return Files.readString(copy.resolve(file), StandardCharsets.UTF_8);
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(copy.resolve(file), text, StandardCharsets.UTF_8);
    }
}
