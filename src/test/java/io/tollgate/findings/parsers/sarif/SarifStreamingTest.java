package io.tollgate.findings.parsers.sarif;

import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A large generated report streams through the parser; the sink counts and keeps nothing. */
class SarifStreamingTest {

    private static final int RESULTS = 200_000;

    @Test
    void everyResultOfALargeReportBecomesAFinding(@TempDir Path directory) throws IOException, ReportFormatException {
        Path report = directory.resolve("large.sarif");
        LargeSarifGenerator.write(report, RESULTS);
        CountingSink sink = new CountingSink();

        try (InputStream in = Files.newInputStream(report)) {
            new SarifParser().parse(in, sink);
        }

        assertThat(sink.findings).isEqualTo(RESULTS);
        assertThat(sink.perSeverity).containsOnlyKeys(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
    }

    private static final class CountingSink implements ReportSink {
        private int findings;
        private final Map<Severity, Integer> perSeverity = new EnumMap<>(Severity.class);

        @Override
        public void finding(NormalizedFinding finding) {
            findings++;
            perSeverity.merge(finding.severity(), 1, Integer::sum);
        }
    }
}
