package io.tollgate.findings.parsers.npmaudit;

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
    protected String emptyFixture() {
        return "empty.json";
    }

    @Override
    protected String oneFindingFixture() {
        return "one.json";
    }

    @Override
    protected String manyFindingsFixture() {
        return "many.json";
    }

    @Override
    protected int manyFindingsCount() {
        return 4;
    }

    @Override
    protected String malformedFixture() {
        return "malformed.json";
    }

    @Test
    void anNpm7AdvisoryBecomesADependencyFinding() throws ReportFormatException {
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
    void npm6AdvisoriesAreReadWithTheirInstalledVersionsAndPaths() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("npm6.json").findings;

        assertThat(findings).hasSize(2);
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
    void otherReportsWithVulnerabilitiesAreNotTakenForNpmAudit() {
        assertThat(parser.accepts(new ReportSample("{\"vulnerabilities\": [{\"id\": \"SNYK-JS-X-1\"}], \"dependencyCount\": 3}", "snyk.json")))
                .isFalse();
        assertThat(parser.accepts(new ReportSample("{\"advisories\": {\"GHSA-x\": {}}}", "other.json"))).isFalse();
    }

    private CollectingSink parseText(String report) throws ReportFormatException {
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }
}
