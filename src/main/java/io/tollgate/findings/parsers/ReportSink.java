package io.tollgate.findings.parsers;

/** Where a parser hands what it reads, one record at a time, so that reports of any size stream through. */
public interface ReportSink {

    void finding(NormalizedFinding finding);

    /** A passing account check; formats without passing results never call it. */
    default void passed(PassedCheck check) {
    }
}
