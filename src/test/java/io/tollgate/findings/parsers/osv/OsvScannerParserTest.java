package io.tollgate.findings.parsers.osv;

import io.tollgate.findings.parsers.AbstractReportParserTest;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class OsvScannerParserTest extends AbstractReportParserTest {

    private final OsvScannerParser parser = new OsvScannerParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 6;
    }

    @Test
    void aVulnerabilityOfAPackageBecomesADependencyFinding() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("OSV-Scanner");
        assertThat(finding.ruleId()).isEqualTo("GHSA-cph5-m8f7-6c5x");
        assertThat(finding.title()).isEqualTo("axios Inefficient Regular Expression Complexity vulnerability");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.cweIds()).containsExactly(1333, 400);
        assertThat(finding.filePath()).isEqualTo("/build/services/orders/package-lock.json");
        assertThat(finding.packageName()).isEqualTo("axios");
        assertThat(finding.packageVersion()).isEqualTo("0.21.1");
        assertThat(finding.fixedVersion()).isEqualTo("0.21.2");
        assertThat(finding.vulnerabilityIds()).containsExactly("GHSA-cph5-m8f7-6c5x", "CVE-2021-3749");
        assertThat(finding.description()).startsWith("axios trims header values");
        assertThat(finding.remediation()).isEqualTo("Upgrade axios to 0.21.2.");
        assertThat(finding.references()).containsExactly("https://github.com/advisories/GHSA-cph5-m8f7-6c5x");
        assertThat(finding.toolIdentity()).isNull();
    }

    @Test
    void severityFallsBackToTheVectorThenToTheAliasGroupThenToMedium() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        assertThat(findings).extracting(NormalizedFinding::ruleId, NormalizedFinding::severity).containsExactly(
                tuple("GHSA-cph5-m8f7-6c5x", Severity.HIGH),
                tuple("GHSA-4444-5555-6666", Severity.HIGH),
                tuple("PYSEC-2099-1", Severity.HIGH),
                tuple("PYSEC-2099-2", Severity.CRITICAL),
                tuple("PYSEC-2099-3", Severity.MEDIUM),
                tuple("GHSA-7777-8888-9999", Severity.LOW));
    }

    @Test
    void recordsWithoutSummaryAreTitledByIdAndPackage() throws ReportFormatException {
        NormalizedFinding pysec = parse("many.json").findings.get(2);

        assertThat(pysec.title()).isEqualTo("PYSEC-2099-1 in requests 2.28.2");
        assertThat(pysec.filePath()).isEqualTo("/build/functions/reports/requirements.txt");
    }

    @Test
    void everyReleaseLinesFixIsListed() throws ReportFormatException {
        assertThat(parse("many.json").findings.get(5).fixedVersion()).isEqualTo("2.0.7, 1.26.18");
    }

    @Test
    void anEmptyFileHasNothingToRead() throws ReportFormatException {
        // The import refuses empty uploads before a parser sees them (ImportApiTest).
        assertThat(parseText("").findings).isEmpty();
    }

    @Test
    void aJsonDocumentOfAnotherShapeIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> parseText("{\"runs\": []}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/results"));
        assertThatThrownBy(() -> parseText("{\"results\": [{\"packages\": {}}]}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/results/0/packages"));
    }

    @Test
    void otherReportsWithResultsAreNotTakenForOsvScanner() {
        assertThat(parser.accepts(new ReportSample("{\"results\": [{\"check_id\": \"x\", \"path\": \"a.py\"}], \"errors\": []}", "semgrep.json")))
                .isFalse();
        assertThat(parser.accepts(new ReportSample("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}", "x.sarif"))).isFalse();
    }

}
