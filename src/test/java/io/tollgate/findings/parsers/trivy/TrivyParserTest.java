package io.tollgate.findings.parsers.trivy;

import io.tollgate.findings.parsers.AbstractReportParserTest;
import io.tollgate.findings.parsers.CollectingSink;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrivyParserTest extends AbstractReportParserTest {

    private final TrivyParser parser = new TrivyParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 8;
    }

    @Test
    void aVulnerablePackageKeepsItsAdvisoryPackageAndFingerprint() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Trivy");
        assertThat(finding.ruleId()).isEqualTo("CVE-2023-45857");
        assertThat(finding.title()).isEqualTo("CVE-2023-45857 in axios 1.5.1");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.cweIds()).containsExactly(352);
        assertThat(finding.filePath()).isEqualTo("functions/orders/package-lock.json");
        assertThat(finding.resource()).isNull();
        assertThat(finding.packageName()).isEqualTo("axios");
        assertThat(finding.packageVersion()).isEqualTo("1.5.1");
        assertThat(finding.fixedVersion()).isEqualTo("1.6.0, 0.28.0");
        assertThat(finding.vulnerabilityIds()).containsExactly("CVE-2023-45857", "GHSA-wf5p-g6vw-rhxx");
        assertThat(finding.description()).startsWith("axios: exposure of confidential data stored in cookies");
        assertThat(finding.remediation()).isEqualTo("Upgrade axios to 1.6.0, 0.28.0.");
        assertThat(finding.references()).first().isEqualTo("https://avd.aquasec.com/nvd/cve-2023-45857");
        assertThat(finding.references()).doesNotHaveDuplicates().hasSize(3);
        assertThat(finding.toolIdentity()).startsWith("sha256:0f6c2d1e");
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void unknownSeverityIsInfoAndThePackagePathIsTheLocation() throws ReportFormatException {
        NormalizedFinding semver = byRule(parse("many.json").findings, "CVE-2022-25883");

        assertThat(semver.severity()).isEqualTo(Severity.INFO);
        assertThat(semver.filePath()).isEqualTo("functions/checkout/node_modules/semver/package.json");
        assertThat(semver.toolIdentity()).isNull();
    }

    @Test
    void notAffectedAndModifiedFindingsAreKeptAsSuppressed() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.json").findings;

        NormalizedFinding notAffected = byRule(findings, "CVE-2023-43804");
        assertThat(notAffected.suppressed()).isTrue();
        assertThat(notAffected.suppressionReason()).contains("not affected");

        NormalizedFinding ignored = byRule(findings, "CVE-2024-4068");
        assertThat(ignored.suppressed()).isTrue();
        assertThat(ignored.suppressionReason())
                .isEqualTo("ignored: Only used by the build script, never deployed to Lambda (.trivyignore.yaml)");
        assertThat(ignored.packageName()).isEqualTo("braces");

        assertThat(byRule(findings, "CVE-2022-23529").suppressed()).isFalse();
    }

    @Test
    void failedChecksAreFindingsPassedChecksAreNotAndExceptionsAreSuppressed() throws ReportFormatException {
        CollectingSink sink = parse("many.json");

        NormalizedFinding tracing = byRule(sink.findings, "AVD-AWS-0066");
        assertThat(tracing.title()).isEqualTo("Lambda functions should have X-Ray tracing enabled");
        assertThat(tracing.severity()).isEqualTo(Severity.LOW);
        assertThat(tracing.filePath()).isEqualTo("template.yaml");
        assertThat(tracing.line()).isEqualTo(14);
        assertThat(tracing.resource()).isEqualTo("CheckoutFunction");
        assertThat(tracing.description()).endsWith("Function does not have tracing enabled.");
        assertThat(tracing.remediation()).isEqualTo("Enable tracing");
        assertThat(tracing.references()).containsExactly("https://avd.aquasec.com/misconfig/avd-aws-0066");

        assertThat(sink.findings).noneMatch(f -> "AVD-AWS-0067".equals(f.ruleId()));
        assertThat(sink.passed).isEmpty();

        NormalizedFinding excepted = byRule(sink.findings, "AVD-AWS-0017");
        assertThat(excepted.suppressed()).isTrue();
        assertThat(excepted.suppressionReason()).contains("exception");
    }

    @Test
    void aSecretIsMaskedAndAppearsNowhereElse() throws ReportFormatException {
        NormalizedFinding secret = byRule(parse("many.json").findings, "aws-access-key-id");

        assertThat(secret.title()).isEqualTo("AWS Access Key ID");
        assertThat(secret.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(secret.filePath()).isEqualTo("functions/checkout/.env");
        assertThat(secret.line()).isEqualTo(3);
        assertThat(secret.secret().masked()).isEqualTo("AKIA…");
        assertThat(secret.secret().sha256()).hasSize(64);
        assertThat(secret.toString()).doesNotContain("AKIAEXAMPLEEXAMPLE00");
    }

    @Test
    void aRestrictedLicenceIsAFindingOnItsPackage() throws ReportFormatException {
        NormalizedFinding licence = byRule(parse("many.json").findings, "GPL-3.0-only");

        assertThat(licence.title()).isEqualTo("Licence GPL-3.0-only of pdf-render-gpl");
        assertThat(licence.severity()).isEqualTo(Severity.HIGH);
        assertThat(licence.packageName()).isEqualTo("pdf-render-gpl");
        assertThat(licence.filePath()).isEqualTo("functions/reports/node_modules/pdf-render-gpl/package.json");
        assertThat(licence.references()).containsExactly("https://spdx.org/licenses/GPL-3.0-only.html");
    }

    @Test
    void kubernetesFindingsAreLocatedOnTheirWorkload() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("kubernetes.json").findings;

        assertThat(findings).extracting(NormalizedFinding::ruleId).containsExactly("CVE-2024-2511", "KSV012");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.resource()).isEqualTo("orders/Deployment/order-api");
            assertThat(f.filePath()).isNull();
        });
        assertThat(findings.get(0).description()).contains("public.ecr.aws/example/order-api:1.4.2");
        assertThat(parser.accepts(sample("kubernetes.json"))).isTrue();
    }

    @Test
    void theLegacyArrayOfResultsIsRead() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("legacy.json").findings;

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CVE-2021-23337");
            assertThat(f.fixedVersion()).isEqualTo("4.17.21");
            assertThat(f.cweIds()).containsExactly(94);
        });
        assertThat(parser.accepts(sample("legacy.json"))).isTrue();
    }

    @Test
    void aBareNullIsAnEmptyLegacyReport() throws ReportFormatException {
        assertThat(parseText("null").records()).isZero();
    }

    @Test
    void jsonOfAnotherShapeIsRefusedAtTheRoot() {
        assertThatThrownBy(() -> parseText("{\"runs\": []}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.position()).isEqualTo("/");
                    assertThat(e.reason()).contains("not a Trivy report");
                });
        assertThatThrownBy(() -> parseText("{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"x\", \"Vulnerabilities\": {}}]}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/Results/0/Vulnerabilities"));
    }

    @Test
    void otherFormatsAreNotAccepted() {
        assertThat(parser.accepts(new ReportSample("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"vulnerabilities\": []}", "bom.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}", "trivy.sarif"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"matches\": [], \"source\": {}, \"descriptor\": {\"name\": \"grype\"}}", "grype.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("<?xml version=\"1.0\"?><OWASPZAPReport/>", "zap.xml"))).isFalse();
    }

    private static NormalizedFinding byRule(List<NormalizedFinding> findings, String ruleId) {
        return findings.stream().filter(f -> ruleId.equals(f.ruleId())).findFirst().orElseThrow();
    }
}
