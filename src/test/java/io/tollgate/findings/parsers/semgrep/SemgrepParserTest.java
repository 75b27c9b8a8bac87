package io.tollgate.findings.parsers.semgrep;

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

class SemgrepParserTest extends AbstractReportParserTest {

    private final SemgrepParser parser = new SemgrepParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 4;
    }

    @Test
    void aCodeResultKeepsRuleLocationCweAndFingerprint() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Semgrep");
        assertThat(finding.ruleId()).isEqualTo("javascript.aws-lambda.security.tainted-sql-string.tainted-sql-string");
        assertThat(finding.title()).isEqualTo("The Lambda event reaches a SQL statement built with string concatenation");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.cweIds()).containsExactly(89);
        assertThat(finding.filePath()).isEqualTo("functions/orders/handler.js");
        assertThat(finding.line()).isEqualTo(27);
        assertThat(finding.description()).startsWith("The Lambda event reaches").contains("OWASP Top 10: A03:2021 - Injection; A05:2025 - Injection");
        assertThat(finding.references()).containsExactly("https://docs.aws.amazon.com/lambda/latest/dg/with-rds.html",
                "https://semgrep.dev/r/javascript.aws-lambda.security.tainted-sql-string.tainted-sql-string");
        assertThat(finding.toolIdentity()).isEqualTo("7c1d0e5f2a9b44c3a8e6f1d2b3c4a5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2_0");
        assertThat(finding.suppressed()).isFalse();
        assertThat(finding.resource()).isNull();
    }

    @Test
    void theSameMatchWrittenTwiceIsOneFinding() throws ReportFormatException {
        assertThat(parse("many.json").findings)
                .filteredOn(f -> "functions/orders/handler.js".equals(f.filePath()))
                .hasSize(1);
    }

    @Test
    void theLoginPlaceholderIsNoFingerprint() throws ReportFormatException {
        NormalizedFinding subprocess = parse("many.json").findings.get(0);

        assertThat(subprocess.cweIds()).containsExactly(78);
        assertThat(subprocess.title()).isEqualTo("The S3 object key from the event reaches subprocess with shell=True");
        assertThat(subprocess.toolIdentity()).isNull();
    }

    @Test
    void aNosemgrepResultIsKeptSuppressedAndInfoIsLow() throws ReportFormatException {
        NormalizedFinding ignored = parse("many.json").findings.get(2);

        assertThat(ignored.suppressed()).isTrue();
        assertThat(ignored.suppressionReason()).contains("nosemgrep");
        assertThat(ignored.severity()).isEqualTo(Severity.LOW);
        assertThat(ignored.remediation()).contains("Auth: NONE").contains("Auth: DEFAULT");
    }

    @Test
    void aSupplyChainResultNamesPackageVersionsAndAdvisories() throws ReportFormatException {
        NormalizedFinding dependency = parse("many.json").findings.get(3);

        assertThat(dependency.packageName()).isEqualTo("axios");
        assertThat(dependency.packageVersion()).isEqualTo("0.21.1");
        assertThat(dependency.fixedVersion()).isEqualTo("1.6.0");
        assertThat(dependency.vulnerabilityIds()).containsExactly("CVE-2023-45857", "GHSA-wf5p-g6vw-rhxx");
        assertThat(dependency.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void platformFindingsKeepTriageAndLeaveFixedOnesOut() throws ReportFormatException {
        CollectingSink sink = parse("platform.json");

        assertThat(sink.findings).extracting(NormalizedFinding::filePath)
                .containsExactly("functions/orders/handler.js", "scripts/local-invoke.js", "functions/orders/package-lock.json");
        NormalizedFinding open = sink.findings.get(0);
        assertThat(open.severity()).isEqualTo(Severity.HIGH);
        assertThat(open.cweIds()).containsExactly(89);
        assertThat(open.toolIdentity()).isEqualTo("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2_0");
        assertThat(open.remediation()).startsWith("Use a parameterised query.").contains("db.query('SELECT");
        assertThat(open.suppressed()).isFalse();
        NormalizedFinding ignored = sink.findings.get(1);
        assertThat(ignored.suppressed()).isTrue();
        assertThat(ignored.suppressionReason()).isEqualTo("false positive: Only used in the local test harness, never deployed");
        assertThat(ignored.severity()).isEqualTo(Severity.LOW);
        NormalizedFinding dependency = sink.findings.get(2);
        assertThat(dependency.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(dependency.packageName()).isEqualTo("axios");
        assertThat(dependency.fixedVersion()).isEqualTo("1.6.0");
        assertThat(dependency.vulnerabilityIds()).containsExactly("CVE-2023-45857");
    }

    @Test
    void detectsCliAndPlatformReportsButNotOtherJson() {
        assertThat(parser.accepts(sample("platform.json"))).isTrue();
        assertThat(parser.accepts(new ReportSample("{\"results\": [], \"errors\": [], \"metrics\": {}}", "bandit.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"runs\": [{\"results\": []}]}", "report.sarif"))).isFalse();
        assertThat(parser.accepts(new ReportSample("[]", "leaks.json"))).isFalse();
    }

    @Test
    void jsonWithoutResultsIsRefusedAtTheMissingArray() {
        assertThatThrownBy(() -> parser.parse(json("{\"vulnerabilities\": []}"), new CollectingSink()))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/results"));
        assertThatThrownBy(() -> parser.parse(json("{\"results\": [{\"path\": \"a.py\"}]}"), new CollectingSink()))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/results/0"));
        assertThatThrownBy(() -> parser.parse(json("[]"), new CollectingSink()))
                .isInstanceOf(ReportFormatException.class);
    }

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
