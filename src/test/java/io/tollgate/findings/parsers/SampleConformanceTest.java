package io.tollgate.findings.parsers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parser against real reports of public test suites (../shared/samples/scans, read in place, never copied):
 * the number of findings Tollgate gets for each file (passed account checks are not findings, as for the other
 * importer) is pinned in src/test/resources/conformance/<format>.tsv; where it differs
 * from another importer's count (EXPECTED.tsv), the reason is written there and in docs/formats/<format>.md.
 * This is the one test that skips, and only when the samples folder is absent.
 */
@QuarkusTest
class SampleConformanceTest {

    private static final Path SAMPLES = Path.of("..", "shared", "samples", "scans").toAbsolutePath().normalize();
    private static final Path PINNED = Path.of("src", "test", "resources", "conformance");
    private static final double REQUIRED_AGREEMENT = 0.95;

    record Pinned(String format, String path, String records, String reason) {
    }

    @Inject
    ParserRegistry parsers;

    private static Map<String, String> expected;
    private static List<Pinned> pinned;

    @BeforeAll
    static void readTables() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES),
                "The sample reports folder " + SAMPLES + " is absent: the conformance test did not run");
        expected = new HashMap<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("EXPECTED.tsv")).stream().skip(1).toList()) {
            String[] cells = line.split("\t", -1);
            expected.put(cells[1], cells[3]);
        }
        pinned = new ArrayList<>();
        try (Stream<Path> files = Files.list(PINNED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                String format = file.getFileName().toString().replace(".tsv", "");
                for (String line : Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).toList()) {
                    String[] cells = line.split("\t", -1);
                    pinned.add(new Pinned(format, cells[0], cells[1], cells.length > 2 ? cells[2].strip() : ""));
                }
            }
        }
    }

    @Test
    void everyFormatHasItsConformanceTable() {
        for (ReportFormat format : parsers.formats()) {
            assertThat(PINNED.resolve(format.id() + ".tsv")).as("conformance table of %s", format.id()).exists();
            assertThat(Path.of("docs", "formats", format.id() + ".md")).as("documentation of %s", format.id()).exists();
        }
    }

    @Test
    void everySampleOfACoveredFolderIsPinned() {
        TreeSet<String> folders = new TreeSet<>();
        pinned.forEach(p -> folders.add(p.path().substring(0, p.path().indexOf('/'))));
        TreeSet<String> pinnedPaths = new TreeSet<>();
        pinned.forEach(p -> pinnedPaths.add(p.path()));
        for (String path : expected.keySet()) {
            if (folders.contains(path.substring(0, path.indexOf('/')))) {
                assertThat(pinnedPaths).as("the samples of %s are all pinned", path.substring(0, path.indexOf('/'))).contains(path);
            }
        }
    }

    @Test
    void eachSampleGivesItsPinnedCountAndDifferencesAreDocumented() throws IOException {
        int agreeing = 0;
        int comparable = 0;
        List<String> problems = new ArrayList<>();
        for (Pinned row : pinned) {
            ReportParser parser = parsers.byId(row.format()).orElseThrow(() -> new AssertionError("no parser " + row.format()));
            String actual = records(parser, SAMPLES.resolve(row.path()));
            if (!actual.equals(row.records())) {
                problems.add(row.path() + ": " + row.format() + " gives " + actual + ", pinned " + row.records());
            }
            // A report without results may carry no signature (an empty file, Trivy's bare null): only a named
            // format reads it. Every report with findings must be recognised.
            if (!"ERROR".equals(actual) && !"0".equals(actual) && !acceptedByDetection(parser, SAMPLES.resolve(row.path()))) {
                problems.add(row.path() + ": detection does not pick " + row.format());
            }
            String theirs = expected.get(row.path());
            if (theirs == null || "?".equals(theirs)) {
                continue;
            }
            comparable++;
            if (theirs.equals(actual)) {
                agreeing++;
            } else if (row.reason().isEmpty() || !documented(row)) {
                problems.add(row.path() + ": " + actual + " differs from " + theirs
                        + " without a reason in the table and in docs/formats/" + row.format() + ".md");
            }
        }
        assertThat(problems).isEmpty();
        assertThat((double) agreeing / comparable).as("%d of %d samples agree with the other importer", agreeing, comparable)
                .isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }

    private boolean acceptedByDetection(ReportParser parser, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ReportSample sample = new ReportSample(new String(in.readNBytes(ReportSample.SIZE), StandardCharsets.UTF_8),
                    file.getFileName().toString());
            return parsers.detect(sample).map(ReportParser::id).filter(parser.id()::equals).isPresent();
        }
    }

    private static String records(ReportParser parser, Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            parser.parse(in, sink);
            return Integer.toString(sink.findings.size());
        } catch (ReportFormatException e) {
            return "ERROR";
        }
    }

    private static boolean documented(Pinned row) throws IOException {
        Path doc = Path.of("docs", "formats", row.format() + ".md");
        return Files.exists(doc) && Files.readString(doc).contains(row.path().substring(row.path().lastIndexOf('/') + 1));
    }
}
