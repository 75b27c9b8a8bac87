package io.tollgate.findings.parsers.securityhub;

import io.tollgate.findings.parsers.AbstractReportParserTest;
import io.tollgate.findings.parsers.CollectingSink;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.Severity;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsffParserTest extends AbstractReportParserTest {

    private final AsffParser parser = new AsffParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 4;
    }

    @Test
    void aFailedControlIsAFindingOnItsResourceWithTheControlId() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Security Hub");
        assertThat(finding.checkId()).isEqualTo("Lambda.1");
        assertThat(finding.ruleId()).isEqualTo("Lambda.1");
        assertThat(finding.title()).isEqualTo("Lambda function policies should prohibit public access");
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.resource()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:orders-api");
        assertThat(finding.toolIdentity())
                .isEqualTo("arn:aws:securityhub:eu-west-1:111122223333:security-control/Lambda.1/finding/0c6f7a52-orders-api-public");
        assertThat(finding.remediation()).startsWith("Remove the statement with Principal \"*\"");
        assertThat(finding.references()).containsExactly("https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1");
        assertThat(finding.suppressed()).isFalse();
        assertThat(finding.packageName()).isNull();
    }

    @Test
    void aPassedControlIsAPassedCheckAndAnArchivedRecordIsDropped() throws ReportFormatException {
        CollectingSink sink = parse("many.json");

        assertThat(sink.passed).containsExactly(new PassedCheck("Security Hub", "APIGateway.4",
                "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod"));
        assertThat(sink.findings).extracting(NormalizedFinding::resource)
                .doesNotContain("arn:aws:lambda:eu-west-1:111122223333:function:old-reports");
    }

    @Test
    void anInspectorFindingCarriesThePackageAndItsSeverityComesFromTheNormalizedScore() throws ReportFormatException {
        NormalizedFinding finding = finding("many.json", "Inspector");

        assertThat(finding.packageName()).isEqualTo("fake-http-client");
        assertThat(finding.packageVersion()).isEqualTo("2.3.0");
        assertThat(finding.fixedVersion()).isEqualTo("2.4.1");
        assertThat(finding.vulnerabilityIds()).containsExactly("CVE-2099-0001");
        assertThat(finding.ruleId()).isEqualTo("CVE-2099-0001");
        assertThat(finding.checkId()).isNull();
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.resource()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:checkout:7");
        assertThat(finding.references()).containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2099-0001",
                "https://example.com/advisories/fake-http-client-redirect");
    }

    @Test
    void aSuppressedWorkflowIsKeptAsASuppressedFindingWithItsNote() throws ReportFormatException {
        NormalizedFinding finding = parse("many.json").findings.stream()
                .filter(f -> "CloudTrail.1".equals(f.checkId())).findFirst().orElseThrow();

        assertThat(finding.suppressed()).isTrue();
        assertThat(finding.suppressionReason()).isEqualTo("Organization trail in the management account covers this sandbox account");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void theProductNameFallsBackToProductFieldsAndTheSeverityToTheProvidersLabel() throws ReportFormatException {
        NormalizedFinding finding = finding("many.json", "GuardDuty");

        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.checkId()).isNull();
        assertThat(finding.ruleId()).isEqualTo("arn:aws:guardduty:eu-west-1:111122223333:detector/5ec1f00dexample");
        assertThat(finding.references()).hasSize(1);
    }

    @Test
    void anInformationalLabelIsInfo() throws ReportFormatException {
        CollectingSink sink = parseText("""
                [{"Id": "custom-1", "ProductArn": "arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default",
                  "GeneratorId": "tollgate-demo", "Title": "Demo", "Severity": {"Label": "INFORMATIONAL"}}]""");

        assertThat(sink.findings.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(sink.findings.get(0).description()).isNull();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> parseText(""))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.reason()).isEqualTo("the report is empty"));
    }

    @Test
    void aDocumentWithoutFindingsArrayIsRefusedWithAPointer() {
        assertThatThrownBy(() -> parseText("{\"Results\": []}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.position()).isEqualTo("/Findings");
                    assertThat(e.reason()).contains("Findings");
                });
    }

    @Test
    void aFindingWithoutIdIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> parseText("{\"findings\": [{\"Id\": \"a\", \"Title\": \"x\"}, {\"Title\": \"no id\"}]}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/findings/1/Id"));
    }

    @Test
    void aTruncatedExportIsRefusedEvenAfterTheLastFinding() {
        assertThatThrownBy(() -> parseText("{\"Findings\": [], \"NextToken\": \"abc"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).startsWith("line 1"));
    }

    @Test
    void otherJsonReportsAreNotTakenForAsff() {
        assertThat(parser.accepts(new ReportSample("{\"findings\": [{\"title\": \"x\", \"severity\": \"High\"}]}", "generic.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"version\": \"2.1.0\", \"runs\": []}", "report.sarif"))).isFalse();
        assertThat(parser.accepts(new ReportSample("[]", "findings.json"))).isFalse();
    }

    private NormalizedFinding finding(String fixture, String tool) throws ReportFormatException {
        return parse(fixture).findings.stream().filter(f -> f.tool().equals(tool)).findFirst().orElseThrow();
    }

}
