package io.tollgate.findings.parsers;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a parser reports, for assertions. */
public class CollectingSink implements ReportSink {

    public final List<NormalizedFinding> findings = new ArrayList<>();
    public final List<PassedCheck> passed = new ArrayList<>();

    @Override
    public void finding(NormalizedFinding finding) {
        findings.add(finding);
    }

    @Override
    public void passed(PassedCheck check) {
        passed.add(check);
    }

    /** Findings and passed checks: what the conformance test compares with another importer's count. */
    public int records() {
        return findings.size() + passed.size();
    }
}
