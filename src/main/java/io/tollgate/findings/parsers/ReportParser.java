package io.tollgate.findings.parsers;

import java.io.InputStream;

/**
 * Reads one report format. Implementations are CDI beans found by the {@link ParserRegistry}; they know nothing of
 * persistence, HTTP or AWS and turn bytes into {@link NormalizedFinding}s and {@link PassedCheck}s.
 */
public interface ReportParser {

    /** The format this parser reads: its id, name, how to produce it and where detection tries it. */
    ReportFormat format();

    default String id() {
        return format().id();
    }

    /** Whether the beginning of a report looks like this format. Must be cheap and must not throw. */
    boolean accepts(ReportSample sample);

    /**
     * Reads the whole report and hands every record to the sink. Throws on the first problem; the caller discards
     * whatever the sink received, so that an import is all or nothing.
     */
    void parse(InputStream report, ReportSink sink) throws ReportFormatException;
}
