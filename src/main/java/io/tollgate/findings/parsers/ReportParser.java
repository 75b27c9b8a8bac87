package io.tollgate.findings.parsers;

import java.io.InputStream;

/**
 * Reads one report format. Implementations are CDI beans found by the {@link ParserRegistry}; they know nothing of
 * persistence, HTTP or AWS and turn bytes into {@link NormalizedFinding}s and {@link PassedCheck}s.
 */
public interface ReportParser {

    /** Stable id used in the API's {@code format} parameter, e.g. {@code sarif}, {@code trivy}. */
    String id();

    /** Name shown on the "Supported formats" page. */
    String displayName();

    /** How to produce such a report, shown on the "Supported formats" page (one command or sentence). */
    String howToProduce();

    /**
     * Detection order: lower runs first. Formats whose signature is specific come before those that accept
     * loosely shaped JSON.
     */
    int detectionOrder();

    /** Whether the beginning of a report looks like this format. Must be cheap and must not throw. */
    boolean accepts(ReportSample sample);

    /**
     * Reads the whole report and hands every record to the sink. Throws on the first problem; the caller discards
     * whatever the sink received, so that an import is all or nothing.
     */
    void parse(InputStream report, ReportSink sink) throws ReportFormatException;
}
