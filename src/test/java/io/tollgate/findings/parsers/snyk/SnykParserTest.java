package io.tollgate.findings.parsers.snyk;

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

class SnykParserTest extends AbstractReportParserTest {

    private final SnykParser parser = new SnykParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 5;
    }

    @Test
    void aVulnerabilityBecomesADependencyFindingInTheProjectsManifest() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Snyk");
        assertThat(finding.ruleId()).isEqualTo("SNYK-JS-JSONWEBTOKEN-3180022");
        assertThat(finding.title()).isEqualTo("Improper Authentication in jsonwebtoken@8.5.1");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.cweIds()).containsExactly(287);
        assertThat(finding.filePath()).isEqualTo("package.json");
        assertThat(finding.packageName()).isEqualTo("jsonwebtoken");
        assertThat(finding.packageVersion()).isEqualTo("8.5.1");
        assertThat(finding.fixedVersion()).isEqualTo("9.0.0");
        assertThat(finding.vulnerabilityIds()).containsExactly("CVE-2022-23541", "GHSA-hjrf-2m68-5959");
        assertThat(finding.description()).startsWith("Introduced through: orders-service@1.4.0 > jsonwebtoken@8.5.1\n\n## Overview");
        assertThat(finding.remediation()).isEqualTo("Upgrade jsonwebtoken@8.5.1 to jsonwebtoken@9.0.0.");
        assertThat(finding.references()).containsExactly("https://security.snyk.io/vuln/SNYK-JS-JSONWEBTOKEN-3180022",
                "https://github.com/advisories/GHSA-hjrf-2m68-5959");
        assertThat(finding.toolIdentity()).as("Snyk's id names the vulnerability, not this result").isNull();
    }

    @Test
    void eachDependencyPathIsAFindingOfItsOwnProject() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        assertThat(findings).extracting(NormalizedFinding::ruleId, NormalizedFinding::filePath).containsExactly(
                tuple("SNYK-JS-LODASH-1040724", "services/orders/package.json"),
                tuple("SNYK-JS-LODASH-1040724", "services/orders/package.json"),
                tuple("SNYK-JS-JSONWEBTOKEN-3180022", "services/orders/package.json"),
                tuple("SNYK-PYTHON-PYJWT-2840625", "functions/reports/requirements.txt"),
                tuple("SNYK-PYTHON-URLLIB3-5926907", "functions/reports/requirements.txt"));
        assertThat(findings.get(1).description()).contains("orders-service@1.4.0 > serverless-offline@8.8.0 > lodash@4.17.20");
        assertThat(findings.get(1).remediation())
                .isEqualTo("Upgrade lodash@4.17.20 to lodash@4.17.21 (serverless-offline@8.8.0 already allows it: refresh the lock file).");
    }

    @Test
    void snyksOwnRatingDecidesTheSeverity() throws ReportFormatException {
        assertThat(parse("many.json").findings).extracting(NormalizedFinding::severity)
                .containsExactly(Severity.HIGH, Severity.HIGH, Severity.MEDIUM, Severity.CRITICAL, Severity.MEDIUM);
    }

    @Test
    void issuesIgnoredInTheSnykPolicyAreSuppressedWithTheirReason() throws ReportFormatException {
        NormalizedFinding ignored = parse("many.json").findings.get(4);

        assertThat(ignored.suppressed()).isTrue();
        assertThat(ignored.suppressionReason())
                .isEqualTo("The Lambda runtime provides botocore; we cannot pin urllib3 (until 2099-01-01T00:00:00.000Z)");
        assertThat(ignored.fixedVersion()).isEqualTo("1.26.18, 2.0.7");
        assertThat(ignored.remediation()).isEqualTo("Upgrade urllib3 to 1.26.18, 2.0.7.");
    }

    @Test
    void aContainerScanReadsTheImagesPackagesAndItsApplications() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("container.json").findings;

        assertThat(findings).extracting(NormalizedFinding::packageName, NormalizedFinding::filePath, NormalizedFinding::severity)
                .containsExactlyInAnyOrder(
                        tuple("jsonwebtoken", "/var/task/package.json", Severity.MEDIUM),
                        tuple("zlib/zlib1g", null, Severity.LOW));
    }

    @Test
    void aReportOfAProjectSnykCouldNotTestIsRefused() {
        assertThatThrownBy(() -> parseText("{\"ok\": false, \"error\": \"Could not detect supported target files\", \"path\": \".\"}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.position()).isEqualTo("/error");
                    assertThat(e.reason()).contains("Could not detect supported target files");
                });
    }

    @Test
    void aJsonDocumentOfAnotherShapeIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> parseText("[{\"vulnerabilities\": []}, {\"ok\": true}]"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/1/vulnerabilities"));
        assertThatThrownBy(() -> parseText("[{\"vulnerabilities\": [\"lodash\"]}]"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/0/vulnerabilities/0"));
        assertThatThrownBy(() -> parseText("\"snyk\"")).isInstanceOf(ReportFormatException.class);
    }

    @Test
    void otherReportsWithVulnerabilitiesAreNotTakenForSnyk() {
        assertThat(parser.accepts(new ReportSample("{\"auditReportVersion\": 2, \"vulnerabilities\": {}}", "audit.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"jsonapi\": {\"version\": \"1.0\"}, \"data\": []}", "issues.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"bomFormat\": \"CycloneDX\", \"vulnerabilities\": [{\"id\": \"CVE-1\"}]}", "bom.json")))
                .isFalse();
    }

}
