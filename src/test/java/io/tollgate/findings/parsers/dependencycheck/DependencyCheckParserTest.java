package io.tollgate.findings.parsers.dependencycheck;

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

class DependencyCheckParserTest extends AbstractReportParserTest {

    private final DependencyCheckParser parser = new DependencyCheckParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected String fixtureExtension() {
        return "xml";
    }

    @Override
    protected int manyFindingsCount() {
        return 5;
    }

    @Test
    void aVulnerabilityNamesItsPackageFromThePackageUrl() throws ReportFormatException {
        NormalizedFinding finding = parse("one.xml").findings.get(0);

        assertThat(finding.tool()).isEqualTo("OWASP Dependency-Check");
        assertThat(finding.ruleId()).isEqualTo("CVE-2020-36518");
        assertThat(finding.title()).isEqualTo("CVE-2020-36518 in com.fasterxml.jackson.core:jackson-databind 2.9.10");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.cweIds()).containsExactly(787);
        assertThat(finding.filePath()).isEqualTo("jackson-databind-2.9.10.jar");
        assertThat(finding.packageName()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
        assertThat(finding.packageVersion()).isEqualTo("2.9.10");
        assertThat(finding.fixedVersion()).isNull();
        assertThat(finding.vulnerabilityIds()).containsExactly("CVE-2020-36518");
        assertThat(finding.description())
                .startsWith("jackson-databind before 2.13.0 allows a Java StackOverflow exception and denial of service via a large depth")
                .contains("Scanned file: /builds/payments-lambda/target/lib/jackson-databind-2.9.10.jar");
        assertThat(finding.references()).containsExactly("https://github.com/FasterXML/jackson-databind/issues/2816",
                "https://ossindex.sonatype.org/vulnerability/CVE-2020-36518");
        assertThat(finding.toolIdentity()).isNull();
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void severityComesFromTheReportsWordElseFromTheNewestCvssScore() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.xml").findings;

        assertThat(findings).extracting(NormalizedFinding::ruleId, NormalizedFinding::severity).containsExactly(
                tuple("CVE-2021-44228", Severity.CRITICAL),
                tuple("CVE-2021-44832", Severity.MEDIUM),
                tuple("CVE-2022-0235", Severity.HIGH),
                tuple("1556", Severity.MEDIUM),
                tuple("CVE-2014-0050", Severity.HIGH));
    }

    @Test
    void aSuppressedVulnerabilityIsKeptWithTheNotesOfItsRule() throws ReportFormatException {
        NormalizedFinding suppressed = parse("many.xml").findings.get(1);

        assertThat(suppressed.suppressed()).isTrue();
        assertThat(suppressed.suppressionReason()).isEqualTo("suppressed by a Dependency-Check suppression rule: "
                + "The function's logging configuration is baked into the deployment package and read-only.");
        assertThat(suppressed.cweIds()).containsExactly(20, 74);
        assertThat(suppressed.packageName()).isEqualTo("org.apache.logging.log4j:log4j-core");
    }

    @Test
    void npmAndOldMavenIdentifiersGiveThePackage() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.xml").findings;

        NormalizedFinding npmAdvisory = findings.get(3);
        assertThat(npmAdvisory.title()).isEqualTo("NPM advisory 1556 in node-fetch 2.6.1");
        assertThat(npmAdvisory.filePath()).isEqualTo("node-fetch:2.6.1");
        assertThat(npmAdvisory.packageName()).isEqualTo("node-fetch");
        assertThat(npmAdvisory.cweIds()).isEmpty();

        NormalizedFinding fileUpload = findings.get(4);
        assertThat(fileUpload.packageName()).isEqualTo("commons-fileupload:commons-fileupload");
        assertThat(fileUpload.packageVersion()).isEqualTo("1.3");
        assertThat(fileUpload.cweIds()).containsExactly(264);
    }

    @Test
    void theJsonReportGivesFoundAndSuppressedVulnerabilities() throws ReportFormatException {
        assertThat(parser.accepts(sample("many.json"))).isTrue();

        List<NormalizedFinding> findings = parse("many.json").findings;

        assertThat(findings).hasSize(2);
        NormalizedFinding sharp = findings.get(0);
        assertThat(sharp.ruleId()).isEqualTo("CVE-2022-29256");
        assertThat(sharp.severity()).isEqualTo(Severity.HIGH);
        assertThat(sharp.cweIds()).containsExactly(78);
        assertThat(sharp.packageName()).isEqualTo("sharp");
        assertThat(sharp.packageVersion()).isEqualTo("0.30.4");
        assertThat(sharp.references()).containsExactly("https://ossindex.sonatype.org/vulnerability/CVE-2022-29256");
        assertThat(sharp.suppressed()).isFalse();
        assertThat(findings.get(1).suppressed()).isTrue();
        assertThat(findings.get(1).suppressionReason()).endsWith("WebP input is rejected by the upload handler before it reaches sharp.");
    }

    @Test
    void reportsOfAnotherShapeAreRefused() {
        assertThatThrownBy(() -> parseText("<?xml version=\"1.0\"?><OWASPZAPReport/>"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.reason()).contains("analysis"));
        assertThatThrownBy(() -> parseText("{\"dependencies\": []}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/"));
        assertThatThrownBy(() -> parseText("{\"reportSchema\": \"1.1\", \"dependencies\": [42]}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/dependencies/0"));
    }

    @Test
    void otherFormatsAreNotAccepted() {
        assertThat(parser.accepts(new ReportSample("<?xml version=\"1.0\"?><analysis xmlns=\"urn:other-tool\"/>", "analysis.xml"))).isFalse();
        assertThat(parser.accepts(new ReportSample("<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"/>", "bom.xml"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"SchemaVersion\": 2, \"Results\": []}", "trivy.json"))).isFalse();
    }

}
