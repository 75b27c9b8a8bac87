package io.tollgate.findings.parsers.cyclonedx;

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

class CycloneDxParserTest extends AbstractReportParserTest {

    private final CycloneDxParser parser = new CycloneDxParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 6;
    }

    @Test
    void aVulnerabilityIsFoundInTheComponentItAffects() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("CycloneDX");
        assertThat(finding.ruleId()).isEqualTo("CVE-2022-23540");
        assertThat(finding.title()).isEqualTo("CVE-2022-23540 in jsonwebtoken 8.5.1");
        assertThat(finding.severity()).as("the first rating's word").isEqualTo(Severity.MEDIUM);
        assertThat(finding.cweIds()).containsExactly(287, 327);
        assertThat(finding.packageName()).isEqualTo("jsonwebtoken");
        assertThat(finding.packageVersion()).isEqualTo("8.5.1");
        assertThat(finding.vulnerabilityIds()).containsExactly("CVE-2022-23540", "GHSA-qwph-4952-7xr6");
        assertThat(finding.description()).startsWith("The authoriser accepts tokens signed with the none algorithm")
                .contains("Package URL: pkg:npm/jsonwebtoken@8.5.1");
        assertThat(finding.remediation()).isEqualTo("Upgrade jsonwebtoken to 9.0.0.");
        assertThat(finding.references()).containsExactly("https://github.com/advisories/GHSA-qwph-4952-7xr6",
                "https://nvd.nist.gov/vuln/detail/CVE-2022-23540");
        assertThat(finding.toolIdentity()).as("a bom-ref is not stable from one BOM to the next").isNull();
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void everyAffectedComponentIsAFindingAndVulnerabilitiesBeforeComponentsAreResolved() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        assertThat(findings).extracting(NormalizedFinding::ruleId, NormalizedFinding::packageName, NormalizedFinding::severity)
                .containsExactly(
                        tuple("CVE-2024-39338", "axios", Severity.HIGH),
                        tuple("CVE-2024-39338", "axios", Severity.HIGH),
                        tuple("GHSA-952p-6rrq-rcjv", "tar", Severity.MEDIUM),
                        tuple("CVE-2023-26159", "follow-redirects", Severity.MEDIUM),
                        tuple("SNYK-JS-UUID-0000001", null, Severity.INFO),
                        tuple("CVE-2024-37890", "ws", Severity.HIGH));
    }

    @Test
    void notAffectedIsSuppressedWithItsJustificationAndOtherStatesStayOpen() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        NormalizedFinding tar = findings.get(2);
        assertThat(tar.suppressed()).isTrue();
        assertThat(tar.suppressionReason())
                .isEqualTo("not_affected (code_not_reachable): tar is only used at build time to package the Lambda layer.");
        assertThat(tar.vulnerabilityIds()).containsExactly("GHSA-952p-6rrq-rcjv", "CVE-2024-28863");

        NormalizedFinding inTriage = findings.get(3);
        assertThat(inTriage.suppressed()).isFalse();
        assertThat(inTriage.description()).endsWith("Analysis: in_triage");
    }

    @Test
    void aBomWithoutVulnerabilitiesIsEmptyAndScoresStandInForAMissingSeverity() throws ReportFormatException {
        assertThat(parse("empty.json").records()).isZero();
        assertThat(parse("many.json").findings.get(3).severity()).as("highest score 6.1").isEqualTo(Severity.MEDIUM);
    }

    @Test
    void anXmlBomIsReadToo() throws ReportFormatException {
        assertThat(parser.accepts(sample("one.xml"))).isTrue();

        NormalizedFinding finding = parse("one.xml").findings.get(0);

        assertThat(finding.ruleId()).isEqualTo("CVE-2023-43804");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.cweIds()).containsExactly(200);
        assertThat(finding.packageName()).isEqualTo("urllib3");
        assertThat(finding.packageVersion()).isEqualTo("1.26.16");
        assertThat(finding.remediation()).isEqualTo("Upgrade urllib3 to 1.26.17.");
        assertThat(finding.references()).containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2023-43804",
                "https://github.com/advisories/GHSA-v845-jxx5-vc9f");
        assertThat(finding.suppressed()).isTrue();
        assertThat(finding.suppressionReason()).isEqualTo("false_positive: The reports function never follows redirects.");
    }

    @Test
    void theVulnerabilityExtensionOfOlderXmlBomsIsReadInsideItsComponent() throws ReportFormatException {
        assertThat(parser.accepts(sample("extension.xml"))).isTrue();

        List<NormalizedFinding> findings = parse("extension.xml").findings;

        assertThat(findings).extracting(NormalizedFinding::ruleId, NormalizedFinding::packageName,
                        NormalizedFinding::packageVersion, NormalizedFinding::severity)
                .containsExactly(
                        tuple("CVE-2024-0727", "openssl", "3.1.4-r5", Severity.MEDIUM),
                        tuple("CVE-2023-42363", "busybox", "1.36.1-r15", Severity.MEDIUM));
        assertThat(findings.get(0).remediation()).isEqualTo("Rebuild the container image of the function on openssl 3.1.4-r6.");
        assertThat(findings.get(0).references()).containsExactly("https://security.alpinelinux.org/vuln/CVE-2024-0727",
                "https://www.openssl.org/news/secadv/20240125.txt");
    }

    @Test
    void documentsOfAnotherShapeAreRefused() {
        assertThatThrownBy(() -> parseText("{\"bomFormat\": \"SPDX\", \"components\": []}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/bomFormat"));
        assertThatThrownBy(() -> parseText("{\"SchemaVersion\": 2, \"Results\": []}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/"));
        assertThatThrownBy(() -> parseText("{\"bomFormat\": \"CycloneDX\", \"vulnerabilities\": [\"CVE-2024-0727\"]}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/vulnerabilities/0"));
        assertThatThrownBy(() -> parseText("<?xml version=\"1.0\"?><OWASPZAPReport/>"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.reason()).contains("bom"));
    }

    @Test
    void otherFormatsAreNotAccepted() {
        assertThat(parser.accepts(new ReportSample("{\"spdxVersion\": \"SPDX-2.3\", \"packages\": []}", "sbom.spdx.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"SchemaVersion\": 2, \"Results\": []}", "trivy.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("<?xml version=\"1.0\"?><bom xmlns=\"urn:example:other\"/>", "bom.xml"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": []}", "vex.json"))).isFalse();
    }

}
