package io.tollgate.findings.parsers.npmaudit;

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

class NpmAuditV7ParserTest extends AbstractReportParserTest {

    private final NpmAuditV7Parser parser = new NpmAuditV7Parser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 4;
    }

    @Test
    void anAdvisoryBecomesADependencyFinding() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("npm audit");
        assertThat(finding.ruleId()).isEqualTo("1097679");
        assertThat(finding.title()).isEqualTo("Axios Cross-Site Request Forgery Vulnerability");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.cweIds()).containsExactly(352);
        assertThat(finding.packageName()).isEqualTo("axios");
        assertThat(finding.packageVersion()).as("npm 7 does not say which version is installed").isNull();
        assertThat(finding.fixedVersion()).isEqualTo("1.6.8");
        assertThat(finding.vulnerabilityIds()).containsExactly("GHSA-wf5p-g6vw-rhxx");
        assertThat(finding.description()).contains("Vulnerable versions: >=0.8.1 <0.28.0").contains("node_modules/axios");
        assertThat(finding.remediation()).isEqualTo("Upgrade axios to 1.6.8, a semver-major change (npm audit fix --force).");
        assertThat(finding.references()).containsExactly("https://github.com/advisories/GHSA-wf5p-g6vw-rhxx");
        assertThat(finding.toolIdentity()).isNull();
    }

    @Test
    void everyAdvisoryIsAFindingAndPackagesVulnerableOnlyThroughOthersAreNot() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        assertThat(findings).extracting(NormalizedFinding::packageName, NormalizedFinding::ruleId, NormalizedFinding::severity)
                .containsExactly(
                        tuple("axios", "1097679", Severity.MEDIUM),
                        tuple("jsonwebtoken", "1097690", Severity.HIGH),
                        tuple("jsonwebtoken", "1097694", Severity.MEDIUM),
                        tuple("semver", "1096482", Severity.MEDIUM));
        assertThat(findings.get(2).cweIds()).containsExactly(287, 1259);
        NormalizedFinding semver = findings.get(3);
        assertThat(semver.fixedVersion()).isNull();
        assertThat(semver.remediation()).isEqualTo("Run npm audit fix.");
        assertThat(semver.description()).contains("Makes these packages vulnerable too: make-dir");
    }

    @Test
    void theAuditOfAFixDryRunIsRead() throws ReportFormatException {
        String report = """
                {"added": 0, "removed": 0, "changed": 1, "audit": {"auditReportVersion": 2, "vulnerabilities": {
                  "ms": {"name": "ms", "severity": "low", "via": [{"source": 1, "name": "ms", "title": "ReDoS", "severity": "low",
                    "url": "https://github.com/advisories/GHSA-w9mr-4mfr-499f", "cwe": ["CWE-400"], "range": "<2.0.0"}],
                    "fixAvailable": true}}}}
                """;

        assertThat(parseText(report).findings).extracting(NormalizedFinding::title, NormalizedFinding::severity)
                .containsExactly(tuple("ReDoS in ms", Severity.LOW));
    }

    @Test
    void anNpm6ReportIsRefusedNamingTheFormatThatReadsIt() {
        assertThatThrownBy(() -> NpmReports.parseResource(parser, "/reports/npm-audit/many.json"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo("npm-audit-v7");
                    assertThat(e.position()).isEqualTo("/advisories");
                    assertThat(e.reason()).contains("npm 6 report").contains("the format npm-audit reads it");
                });
    }

    @Test
    void anAuditThatFailedIsRefusedWithNpmsMessage() {
        assertThatThrownBy(() -> parseText("{\"error\": {\"code\": \"ENOLOCK\", \"summary\": \"This command requires an existing lockfile.\"}}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.position()).isEqualTo("/error");
                    assertThat(e.reason()).contains("requires an existing lockfile");
                });
    }

    @Test
    void aJsonDocumentOfAnotherShapeIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> parseText("{\"vulnerabilities\": {}}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/vulnerabilities"));
        assertThatThrownBy(() -> parseText("{\"auditReportVersion\": 2, \"vulnerabilities\": {\"@aws-sdk/client-s3\": 3}}"))
                .isInstanceOfSatisfying(ReportFormatException.class,
                        e -> assertThat(e.position()).isEqualTo("/vulnerabilities/@aws-sdk~1client-s3"));
        assertThatThrownBy(() -> parseText("[]")).isInstanceOf(ReportFormatException.class);
    }

    @Test
    void onlyTheNpm7ShapeIsTakenForThisFormat() {
        assertThat(parser.accepts(new ReportSample("{\"vulnerabilities\": [{\"id\": \"SNYK-JS-X-1\"}], \"dependencyCount\": 3}", "snyk.json")))
                .isFalse();
        assertThat(parser.accepts(NpmReports.sample("/reports/npm-audit/many.json"))).as("an npm 6 report").isFalse();
    }

}
