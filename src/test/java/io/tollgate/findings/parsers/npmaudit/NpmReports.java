package io.tollgate.findings.parsers.npmaudit;

import io.tollgate.findings.parsers.CollectingSink;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reports handed to an npm audit parser by the tests themselves: a fixture of the other npm format. */
final class NpmReports {

    private NpmReports() {
    }


    /** Parses a fixture named by its path under src/test/resources, e.g. {@code /reports/npm-audit/one.json}. */
    static CollectingSink parseResource(ReportParser parser, String resource) throws ReportFormatException {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = open(resource)) {
            parser.parse(in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    /** What format detection sees of a fixture named by its path under src/test/resources. */
    static ReportSample sample(String resource) {
        try (InputStream in = open(resource)) {
            return new ReportSample(new String(in.readNBytes(ReportSample.SIZE), StandardCharsets.UTF_8),
                    resource.substring(resource.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = NpmReports.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No fixture " + resource + " under src/test/resources");
        }
        return in;
    }
}
