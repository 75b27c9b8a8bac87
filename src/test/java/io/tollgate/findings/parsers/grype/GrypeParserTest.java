package io.tollgate.findings.parsers.grype;

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

class GrypeParserTest extends AbstractReportParserTest {

    private final GrypeParser parser = new GrypeParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 6;
    }

    @Test
    void aMatchBecomesADependencyFindingWithItsRelatedCve() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Grype");
        assertThat(finding.ruleId()).isEqualTo("GHSA-8cf7-32gw-wr33");
        assertThat(finding.title()).isEqualTo("GHSA-8cf7-32gw-wr33 in jsonwebtoken 8.5.1");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.packageName()).isEqualTo("jsonwebtoken");
        assertThat(finding.packageVersion()).isEqualTo("8.5.1");
        assertThat(finding.fixedVersion()).isEqualTo("9.0.0");
        assertThat(finding.filePath()).isEqualTo("services/orders/package-lock.json");
        assertThat(finding.vulnerabilityIds()).containsExactly("GHSA-8cf7-32gw-wr33", "CVE-2022-23539");
        assertThat(finding.remediation()).isEqualTo("Upgrade jsonwebtoken to 9.0.0.");
        assertThat(finding.references()).first().isEqualTo("https://github.com/advisories/GHSA-8cf7-32gw-wr33");
        assertThat(finding.toolIdentity()).as("Grype has no id of its own for a match").isNull();
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void severityComesFromGrypesLabelAndFromCvssWhenTheLabelIsUnknown() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        assertThat(findings).extracting(NormalizedFinding::packageName, NormalizedFinding::severity).containsExactly(
                tuple("jsonwebtoken", Severity.HIGH),
                tuple("serverless-http", Severity.CRITICAL),
                tuple("libexpat1", Severity.INFO),
                tuple("urllib3", Severity.MEDIUM),
                tuple("aws-xray-sdk-core", Severity.LOW),
                tuple("lodash", Severity.CRITICAL));
    }

    @Test
    void fixStatesBecomeFixedVersionsOrAdvice() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        assertThat(findings.get(1).fixedVersion()).isNull();
        assertThat(findings.get(1).remediation()).isNull();
        assertThat(findings.get(2).remediation()).contains("will not fix");
        assertThat(findings.get(3).fixedVersion()).isEqualTo("1.26.18, 2.0.7");
        assertThat(findings.get(3).filePath()).isEqualTo("/var/task/urllib3-1.26.5.dist-info/METADATA");
        assertThat(findings.get(4).remediation()).contains("No fixed version");
    }

    @Test
    void ignoredMatchesAreKeptAsSuppressedWithTheRulesReason() throws ReportFormatException {
        NormalizedFinding ignored = parse("many.json").findings.get(5);

        assertThat(ignored.packageName()).isEqualTo("lodash");
        assertThat(ignored.suppressed()).isTrue();
        assertThat(ignored.suppressionReason()).isEqualTo("only used in build scripts, never shipped in the Lambda bundle");
    }

    @Test
    void controlCharactersInABinarysVersionAreDropped() throws ReportFormatException {
        String report = """
                {"matches": [{"vulnerability": {"id": "CVE-2009-0001", "severity": "High"},
                  "artifact": {"name": "java", "version": "17.0.10+7\\u0000-J-ms8m", "locations": [{"path": "/opt/java/bin/java"}]}}]}
                """;

        assertThat(parseText(report).findings.get(0).packageVersion()).isEqualTo("17.0.10+7-J-ms8m");
    }

    @Test
    void aJsonDocumentWithoutMatchesIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> parseText("{\"source\": {\"type\": \"directory\"}}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/matches"));
        assertThatThrownBy(() -> parseText("{\"matches\": [{\"artifact\": {}}]}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/matches/0"));
        assertThatThrownBy(() -> parseText("[]")).isInstanceOf(ReportFormatException.class);
        assertThatThrownBy(() -> parseText("")).isInstanceOf(ReportFormatException.class);
    }

    @Test
    void otherReportsThatListMatchesAreNotTakenForGrype() {
        assertThat(parser.accepts(new ReportSample("{\"matches\": [{\"rule\": \"x\"}]}", "report.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"vulnerabilities\": []}", "report.json"))).isFalse();
    }

}
