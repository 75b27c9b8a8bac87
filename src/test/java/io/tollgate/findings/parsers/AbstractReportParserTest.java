package io.tollgate.findings.parsers;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks every parser gets for free. A parser's test extends this, keeps its fixtures under
 * {@code src/test/resources/reports/<parser id>/} as {@code empty}, {@code one}, {@code many} and {@code malformed}
 * (written for Tollgate, never copied from elsewhere), and adds assertions on the fields of real-looking findings.
 */
public abstract class AbstractReportParserTest {

    protected abstract ReportParser parser();

    /** The file extension of the fixtures; {@code json} unless the format says otherwise. */
    protected String fixtureExtension() {
        return "json";
    }

    /** A report of this format with no finding. */
    protected String emptyFixture() {
        return "empty." + fixtureExtension();
    }

    /** A report with exactly one finding. */
    protected String oneFindingFixture() {
        return "one." + fixtureExtension();
    }

    /** A report with several findings; {@link #manyFindingsCount()} says how many. */
    protected String manyFindingsFixture() {
        return "many." + fixtureExtension();
    }

    protected abstract int manyFindingsCount();

    /** A report of this format that breaks half-way (truncated or malformed). */
    protected String malformedFixture() {
        return "malformed." + fixtureExtension();
    }

    @Test
    void idIsAStableLowerCaseWord() {
        assertThat(parser().id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(parser().format().displayName()).isNotBlank();
        assertThat(parser().format().howToProduce()).isNotBlank();
    }

    @Test
    void acceptsItsOwnFixtures() {
        for (String fixture : new String[]{emptyFixture(), oneFindingFixture(), manyFindingsFixture()}) {
            assertThat(parser().accepts(sample(fixture))).as("accepts %s", fixture).isTrue();
        }
    }

    @Test
    void anEmptyReportHasNoFinding() throws ReportFormatException {
        assertThat(parse(emptyFixture()).findings).isEmpty();
    }

    @Test
    void oneFindingIsReadWithTitleAndSeverity() throws ReportFormatException {
        CollectingSink sink = parse(oneFindingFixture());
        assertThat(sink.findings).hasSize(1);
        NormalizedFinding finding = sink.findings.get(0);
        assertThat(finding.title()).isNotBlank().isNotEqualTo("N/A");
        assertThat(finding.severity()).isNotNull();
        assertThat(finding.tool()).isNotBlank();
    }

    @Test
    void manyFindingsAreAllRead() throws ReportFormatException {
        assertThat(parse(manyFindingsFixture()).findings).hasSize(manyFindingsCount());
    }

    @Test
    void aMalformedReportIsRefusedWithFormatPositionAndReason() {
        assertThatThrownBy(() -> parse(malformedFixture()))
                .isInstanceOf(ReportFormatException.class)
                .satisfies(e -> {
                    ReportFormatException error = (ReportFormatException) e;
                    assertThat(error.format()).isEqualTo(parser().id());
                    assertThat(error.reason()).isNotBlank();
                    assertThat(error.position()).as("where the report broke").isNotBlank();
                });
    }

    @Test
    void textThatIsNotAReportIsRefused() {
        assertThatThrownBy(() -> parser().parse(new ByteArrayInputStream("this is not a report".getBytes(StandardCharsets.UTF_8)),
                new CollectingSink())).isInstanceOf(ReportFormatException.class);
    }

    protected CollectingSink parse(String fixture) throws ReportFormatException {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = open(fixture)) {
            parser().parse(in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    /** Parses a report written inline by the test. */
    protected CollectingSink parseText(String report) throws ReportFormatException {
        CollectingSink sink = new CollectingSink();
        parser().parse(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    protected ReportSample sample(String fixture) {
        try (InputStream in = open(fixture)) {
            byte[] head = in.readNBytes(ReportSample.SIZE);
            return new ReportSample(new String(head, StandardCharsets.UTF_8), fixture.substring(fixture.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected InputStream open(String fixture) {
        String path = "/reports/" + parser().id() + "/" + fixture;
        InputStream in = getClass().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("No fixture " + path + " under src/test/resources");
        }
        return in;
    }
}
