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

    /** The first finding of an account check, by the tool's check id. */
    public NormalizedFinding byCheck(String checkId) {
        return findings.stream().filter(f -> checkId.equals(f.checkId())).findFirst()
                .orElseThrow(() -> new AssertionError("no finding of check " + checkId));
    }

    /** Findings and passed checks: what the conformance test compares with another importer's count. */
    public int records() {
        return findings.size() + passed.size();
    }
}
