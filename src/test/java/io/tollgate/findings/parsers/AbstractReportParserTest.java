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
 * The checks every parser gets for free. A parser's test extends this, names its fixtures under
 * {@code src/test/resources/reports/<parser id>/} (written for Tollgate, never copied from elsewhere), and adds
 * assertions on the fields of real-looking findings.
 */
public abstract class AbstractReportParserTest {

    protected abstract ReportParser parser();

    /** A report of this format with no finding. */
    protected abstract String emptyFixture();

    /** A report with exactly one finding. */
    protected abstract String oneFindingFixture();

    /** A report with several findings, and how many. */
    protected abstract String manyFindingsFixture();

    protected abstract int manyFindingsCount();

    /** A report of this format that breaks half-way (truncated or malformed). */
    protected abstract String malformedFixture();

    @Test
    void idIsAStableLowerCaseWord() {
        assertThat(parser().id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(parser().displayName()).isNotBlank();
        assertThat(parser().howToProduce()).isNotBlank();
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
