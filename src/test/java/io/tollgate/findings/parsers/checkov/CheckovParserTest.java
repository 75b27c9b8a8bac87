package io.tollgate.findings.parsers.checkov;

import io.tollgate.findings.parsers.AbstractReportParserTest;
import io.tollgate.findings.parsers.CollectingSink;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckovParserTest extends AbstractReportParserTest {

    private final CheckovParser parser = new CheckovParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 5;
    }

    @Test
    void aFailedCheckKeepsPolicyFileLinesResourceAndGuideline() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Checkov");
        assertThat(finding.ruleId()).isEqualTo("CKV_AWS_116");
        assertThat(finding.title()).isEqualTo("Ensure that AWS Lambda function is configured for a Dead Letter Queue(DLQ)");
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.filePath()).isEqualTo("/template.yaml");
        assertThat(finding.line()).isEqualTo(12);
        assertThat(finding.resource()).isEqualTo("AWS::Serverless::Function.OrdersFunction");
        assertThat(finding.references()).singleElement().asString().startsWith("https://docs.prismacloud.io/");
        assertThat(finding.description()).isNull();
        assertThat(finding.toolIdentity()).isNull();
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void passedChecksAreNeitherFindingsNorPassedControls() throws ReportFormatException {
        CollectingSink sink = parse("empty.json");

        assertThat(sink.records()).isZero();
        assertThat(parse("many.json").findings).extracting(NormalizedFinding::ruleId).doesNotContain("CKV_AWS_45");
    }

    @Test
    void aNullSeverityIsMediumAndASkippedCheckIsSuppressed() throws ReportFormatException {
        CollectingSink sink = parse("many.json");

        assertThat(sink.findings.get(0).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(sink.findings.get(1).severity()).isEqualTo(Severity.HIGH);
        NormalizedFinding skipped = sink.findings.get(2);
        assertThat(skipped.ruleId()).isEqualTo("CKV_AWS_115");
        assertThat(skipped.suppressed()).isTrue();
        assertThat(skipped.suppressionReason()).isEqualTo("Reserved concurrency is set per stage in samconfig.toml");
    }

    @Test
    void aVulnerableDependencyNamesPackageVersionsAndCve() throws ReportFormatException {
        CollectingSink sink = parse("many.json");

        NormalizedFinding axios = sink.findings.get(3);
        assertThat(axios.title()).isEqualTo("CVE-2023-45857 - axios: 0.21.1");
        assertThat(axios.packageName()).isEqualTo("axios");
        assertThat(axios.packageVersion()).isEqualTo("0.21.1");
        assertThat(axios.fixedVersion()).isEqualTo("1.6.0");
        assertThat(axios.vulnerabilityIds()).containsExactly("CVE-2023-45857");
        assertThat(axios.line()).isNull();
        assertThat(axios.description()).startsWith("An issue in Axios");
        NormalizedFinding pillow = sink.findings.get(4);
        assertThat(pillow.fixedVersion()).isNull();
        assertThat(pillow.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aSummaryWithoutResultsIsAnEmptyReport() throws ReportFormatException {
        assertThat(parser.accepts(sample("summary-only.json"))).isTrue();
        assertThat(parse("summary-only.json").records()).isZero();
    }

    @Test
    void detectsCheckovButNotOtherJson() {
        assertThat(parser.accepts(new ReportSample("{\"results\": [{\"check_id\": \"x\", \"extra\": {}}]}", "semgrep.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("[]", "checkov.json"))).isFalse();
    }

    @Test
    void aFrameworkWithoutResultsIsRefusedWhereItIs() {
        assertThatThrownBy(() -> parser.parse(json("[{\"check_type\": \"terraform\", \"results\": {}}, {\"check_type\": \"secrets\"}]"),
                new CollectingSink()))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/1/results"));
        assertThatThrownBy(() -> parser.parse(json("{\"results\": {\"failed_checks\": [{\"check_name\": \"x\"}]}}"), new CollectingSink()))
                .isInstanceOfSatisfying(ReportFormatException.class,
                        e -> assertThat(e.position()).isEqualTo("/results/failed_checks/0"));
    }

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
