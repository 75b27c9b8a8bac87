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

class NpmAuditParserTest extends AbstractReportParserTest {

    private final NpmAuditParser parser = new NpmAuditParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 4;
    }

    @Test
    void anAdvisoryBecomesADependencyFindingNamingItsPackage() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("npm audit");
        assertThat(finding.ruleId()).isEqualTo("1589");
        assertThat(finding.title()).isEqualTo("Prototype Pollution in ini");
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.cweIds()).containsExactly(1321);
        assertThat(finding.packageName()).isEqualTo("ini");
        assertThat(finding.packageVersion()).isEqualTo("1.3.5");
        assertThat(finding.fixedVersion()).isEqualTo("1.3.6");
        assertThat(finding.vulnerabilityIds()).containsExactly("CVE-2020-7788", "GHSA-qqgx-2p2h-9c37");
        assertThat(finding.toolIdentity()).isNull();
    }

    @Test
    void advisoriesAreReadWithTheirInstalledVersionsAndPaths() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        NormalizedFinding lodash = findings.get(0);
        assertThat(lodash.ruleId()).isEqualTo("1673");
        assertThat(lodash.title()).isEqualTo("Command Injection in lodash");
        assertThat(lodash.severity()).isEqualTo(Severity.HIGH);
        assertThat(lodash.cweIds()).containsExactly(77);
        assertThat(lodash.packageName()).isEqualTo("lodash");
        assertThat(lodash.packageVersion()).isEqualTo("4.17.20, 4.17.19");
        assertThat(lodash.fixedVersion()).isEqualTo("4.17.21");
        assertThat(lodash.vulnerabilityIds()).containsExactly("CVE-2021-23337", "GHSA-35jh-r3h4-6jhm");
        assertThat(lodash.description()).contains("- serverless>@serverless/utils>lodash").contains("- aws-sdk-mock>lodash");
        assertThat(lodash.remediation()).isEqualTo("Upgrade to version 4.17.21 or later");
        assertThat(lodash.references()).containsExactly("https://npmjs.com/advisories/1673",
                "https://github.com/advisories/GHSA-35jh-r3h4-6jhm", "https://nvd.nist.gov/vuln/detail/CVE-2021-23337");

        NormalizedFinding minimist = findings.get(1);
        assertThat(minimist.severity()).isEqualTo(Severity.LOW);
        assertThat(minimist.cweIds()).isEmpty();
        assertThat(minimist.fixedVersion()).as("a patched range of two lines names no single version").isNull();
        assertThat(minimist.remediation()).isEqualTo("Upgrade to a patched version: >=0.2.1 <1.0.0 || >=1.2.3");

        assertThat(findings.subList(2, 4)).extracting(NormalizedFinding::title, NormalizedFinding::severity)
                .as("a title that names its package keeps it once")
                .containsExactly(tuple("Prototype Pollution in y18n", Severity.HIGH),
                        tuple("Regular expression denial of service in glob-parent", Severity.MEDIUM));
    }

    @Test
    void anNpm7ReportIsRefusedNamingTheFormatThatReadsIt() {
        assertThatThrownBy(() -> NpmReports.parseResource(parser, "/reports/npm-audit-v7/many.json"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo("npm-audit");
                    assertThat(e.position()).isEqualTo("/auditReportVersion");
                    assertThat(e.reason()).contains("npm 7 or later report").contains("the format npm-audit-v7 reads it");
                });
    }

    @Test
    void theOutputOfAnNpm7FixDryRunIsRefusedAtItsAudit() {
        String report = """
                {"added": 0, "removed": 0, "changed": 1, "audit": {"auditReportVersion": 2, "vulnerabilities": {}}}
                """;

        assertThatThrownBy(() -> parseText(report)).isInstanceOfSatisfying(ReportFormatException.class, e -> {
            assertThat(e.position()).isEqualTo("/audit/auditReportVersion");
            assertThat(e.reason()).contains("npm-audit-v7");
        });
    }

    @Test
    void anAuditThatFailedIsRefusedWithNpmsMessage() {
        String report = """
                {"error": {"code": "EAUDITNOLOCK", "summary": "Neither npm-shrinkwrap.json nor package-lock.json found: \
                Cannot audit a project without a lockfile", "detail": "Try creating one first with: npm i --package-lock-only"}}
                """;

        assertThatThrownBy(() -> parseText(report)).isInstanceOfSatisfying(ReportFormatException.class, e -> {
            assertThat(e.position()).isEqualTo("/error");
            assertThat(e.reason()).contains("Cannot audit a project without a lockfile");
        });
    }

    @Test
    void aJsonDocumentOfAnotherShapeIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> parseText("{\"vulnerabilities\": {}}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/advisories"));
        assertThatThrownBy(() -> parseText("{\"advisories\": {\"1673\": \"lodash\"}, \"muted\": []}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/advisories/1673"));
        assertThatThrownBy(() -> parseText("[]")).isInstanceOf(ReportFormatException.class);
    }

    @Test
    void onlyTheNpm6ShapeIsTakenForThisFormat() {
        assertThat(parser.accepts(new ReportSample("{\"advisories\": {\"GHSA-x\": {}}}", "other.json"))).isFalse();
        assertThat(parser.accepts(NpmReports.sample("/reports/npm-audit-v7/many.json"))).as("an npm 7 report").isFalse();
    }

}
