package io.tollgate.findings.parsers.sarif;

import io.tollgate.findings.parsers.AbstractReportParserTest;
import io.tollgate.findings.parsers.CollectingSink;
import io.tollgate.findings.parsers.MaskedSecret;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ParserRegistry;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SarifParserTest extends AbstractReportParserTest {

    private final SarifParser parser = new SarifParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected String fixtureExtension() {
        return "sarif";
    }

    @Override
    protected int manyFindingsCount() {
        return 14;
    }

    @Test
    void aCodeQlResultKeepsItsRuleFromAnExtensionItsCwesLocationAndFingerprint() throws ReportFormatException {
        NormalizedFinding finding = parse("one.sarif").findings.get(0);

        assertThat(finding.tool()).isEqualTo("CodeQL");
        assertThat(finding.ruleId()).isEqualTo("js/sql-injection");
        assertThat(finding.title()).isEqualTo("This query string depends on a user-provided value.");
        assertThat(finding.severity()).as("security-severity 8.8").isEqualTo(Severity.HIGH);
        assertThat(finding.cweIds()).containsExactly(89, 90, 943);
        assertThat(finding.filePath()).isEqualTo("src/handlers/getOrder.js");
        assertThat(finding.line()).isEqualTo(27);
        assertThat(finding.resource()).isNull();
        assertThat(finding.toolIdentity()).isEqualTo("9f3c2a71d04e5b88:1");
        assertThat(finding.description()).contains("lets a caller change the meaning of the query");
        assertThat(finding.remediation()).startsWith("Pass values from the API Gateway event");
        assertThat(finding.references()).containsExactly("https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/");
        assertThat(finding.suppressed()).isFalse();
        assertThat(finding.secret()).isNull();
        assertThat(finding.packageName()).isNull();
        assertThat(finding.vulnerabilityIds()).isEmpty();
    }

    @Test
    void everyRunIsNamedAfterItsToolAndResultsThatAreNotFailuresOrAreGoneAreLeftOut() throws ReportFormatException {
        Map<String, Long> perTool = parse("many.sarif").findings.stream()
                .collect(Collectors.groupingBy(NormalizedFinding::tool, Collectors.counting()));

        assertThat(perTool).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Semgrep OSS", 5L, "Checkov", 4L, "gitleaks", 2L, "Trivy", 1L, "KICS", 1L, "ZAP", 1L));
        assertThat(parse("many.sarif").findings).extracting(NormalizedFinding::title)
                .noneMatch(title -> title.contains("KeyConditionExpression"))
                .noneMatch(title -> title.startsWith("No DynamoDB request"))
                .noneMatch(title -> title.contains("allow list"));
    }

    @Test
    void severityComesFromTheRulesDefaultLevelTheResultsLevelOrSecuritySeverity() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.sarif").findings;

        assertThat(find(findings, f -> "src/handlers/webhook.js".equals(f.filePath())).severity()).as("rule level error").isEqualTo(Severity.HIGH);
        assertThat(find(findings, f -> "src/handlers/searchOrders.js".equals(f.filePath())).severity()).as("rule level warning").isEqualTo(Severity.MEDIUM);
        assertThat(find(findings, f -> "CKV_AWS_117".equals(f.ruleId())).severity()).as("result level error").isEqualTo(Severity.HIGH);
        assertThat(find(findings, f -> "CKV_AWS_116".equals(f.ruleId())).severity()).as("no level: warning").isEqualTo(Severity.MEDIUM);
        assertThat(find(findings, f -> f.title().startsWith("Open redirect")).severity()).as("rule level note").isEqualTo(Severity.LOW);
        assertThat(find(findings, f -> "Trivy".equals(f.tool())).severity()).as("security-severity 7.2").isEqualTo(Severity.HIGH);
    }

    @Test
    void suppressionsThatAreNotRejectedMarkTheFindingSuppressedWithTheJustification() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.sarif").findings;

        NormalizedFinding accepted = find(findings, f -> "src/handlers/featureFlags.js".equals(f.filePath()));
        assertThat(accepted.suppressed()).isTrue();
        assertThat(accepted.suppressionReason()).isEqualTo("Only evaluates the constant feature-flag expression built at deploy time");
        NormalizedFinding rejected = find(findings, f -> "src/handlers/searchOrders.js".equals(f.filePath()));
        assertThat(rejected.suppressed()).isFalse();
        assertThat(rejected.suppressionReason()).isNull();
    }

    @Test
    void messageStringsAreFilledFromArgumentsAndFileUrisLoseTheirScheme() throws ReportFormatException {
        NormalizedFinding redirect = find(parse("many.sarif").findings, f -> f.title().startsWith("Open redirect"));

        assertThat(redirect.title()).isEqualTo(
                "Open redirect: event.queryStringParameters.next flows into the Location header of the {statusCode: 302} response.");
        assertThat(redirect.cweIds()).containsExactly(601);
        assertThat(redirect.filePath()).isEqualTo("/builds/shop/src/handlers/login.js");
        assertThat(redirect.line()).isEqualTo(45);
    }

    @Test
    void theToolsOwnIdentityComesFromFingerprintsOrTheCorrelationGuidButNotForAResultSplitOverLocations() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.sarif").findings;

        assertThat(find(findings, f -> "src/handlers/webhook.js".equals(f.filePath())).toolIdentity())
                .isEqualTo("matchBasedId/v1=3b1f9c0d2e7a4b5c6d8e9f00112233445566778899aabbccddeeff0011223344");
        assertThat(find(findings, f -> "CKV_AWS_117".equals(f.ruleId())).toolIdentity()).isEqualTo("6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5");
        assertThat(find(findings, f -> "CKV_AWS_116".equals(f.ruleId())).toolIdentity()).isNull();
        assertThat(findings).filteredOn(f -> "CKV_AWS_173".equals(f.ruleId()))
                .extracting(NormalizedFinding::line, NormalizedFinding::toolIdentity)
                .containsExactly(tuple(12, null), tuple(48, null));
        assertThat(find(findings, f -> ".env.production".equals(f.filePath())).toolIdentity()).isEqualTo(
                "author=Dev Example;commitMessage=Configure the orders function;commitSha=4f2a9c1e7b3d5f60718293a4b5c6d7e8f9012345;"
                        + "date=2025-03-14T09:12:44Z;email=dev@example.com");
    }

    @Test
    void resultsListedBeforeTheirRunsToolAreReadWithTheToolsRules() throws ReportFormatException {
        NormalizedFinding vpc = find(parse("many.sarif").findings, f -> "CKV_AWS_117".equals(f.ruleId()));

        assertThat(vpc.tool()).isEqualTo("Checkov");
        assertThat(vpc.filePath()).isEqualTo("template.yaml");
        assertThat(vpc.line()).isEqualTo(12);
        assertThat(vpc.remediation()).isEqualTo("Set VpcConfig on the AWS::Serverless::Function when it reaches private resources.");
        assertThat(vpc.references()).singleElement().asString().startsWith("https://docs.prismacloud.io/");
    }

    @Test
    void secretsAreMaskedAndKeptOutOfEveryOtherField() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.sarif").findings;

        NormalizedFinding awsKey = find(findings, f -> ".env.production".equals(f.filePath()));
        assertThat(awsKey.secret()).isEqualTo(MaskedSecret.of("AKIAEXAMPLEEXAMPLE00"));
        assertThat(awsKey.secret().masked()).isEqualTo("AKIA…");
        assertThat(find(findings, f -> "scripts/deploy.sh".equals(f.filePath())).secret().masked()).isEqualTo("ghp_…");
        NormalizedFinding hardCoded = find(findings, f -> "src/config/aws.js".equals(f.filePath()));
        assertThat(hardCoded.secret()).isEqualTo(MaskedSecret.of("AKIAEXAMPLEEXAMPLE01"));
        assertThat(hardCoded.title()).isEqualTo("AWS access key id AKIA… is hard-coded in the function configuration");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.toString())
                .doesNotContain("AKIAEXAMPLEEXAMPLE00", "AKIAEXAMPLEEXAMPLE01", "ghp_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE0000"));
        assertThat(find(findings, f -> "src/handlers/webhook.js".equals(f.filePath())).secret())
                .as("the snippet of a rule that is not about secrets").isNull();
    }

    @Test
    void aDependencyFindingKeepsItsPackageVersionsAndAdvisory() throws ReportFormatException {
        NormalizedFinding lodash = find(parse("many.sarif").findings, f -> "Trivy".equals(f.tool()));

        assertThat(lodash.title()).isEqualTo("nodejs-lodash: command injection via template");
        assertThat(lodash.packageName()).isEqualTo("lodash");
        assertThat(lodash.packageVersion()).isEqualTo("4.17.20");
        assertThat(lodash.fixedVersion()).isEqualTo("4.17.21");
        assertThat(lodash.vulnerabilityIds()).containsExactly("CVE-2021-23337");
        assertThat(lodash.filePath()).isEqualTo("package-lock.json");
        assertThat(lodash.description()).contains("Installed Version: 4.17.20").contains("vulnerable to Command Injection");
    }

    @Test
    void cweIdsComeFromRelationshipsAndTaxaInACweTaxonomyAndFromCweProperties() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.sarif").findings;

        assertThat(find(findings, f -> "KICS".equals(f.tool())).cweIds()).containsExactly(732, 284);
        assertThat(find(findings, f -> "src/handlers/webhook.js".equals(f.filePath())).cweIds()).containsExactly(95);
        assertThat(find(findings, f -> "ZAP".equals(f.tool())).cweIds()).containsExactly(693);
    }

    @Test
    void aWebLocationIsAResourceNotAFile() throws ReportFormatException {
        NormalizedFinding csp = find(parse("many.sarif").findings, f -> "ZAP".equals(f.tool()));

        assertThat(csp.resource()).isEqualTo("https://api.example.com/prod/orders");
        assertThat(csp.filePath()).isNull();
        assertThat(csp.line()).isNull();
    }

    @Test
    void aRuleIsFoundByIdInAnExtensionAndAMessageByIdInTheToolsGlobalStrings() throws ReportFormatException {
        CollectingSink sink = parseText("""
                {"version": "2.1.0", "runs": [{
                  "tool": {"driver": {"name": "CodeScanner", "globalMessageStrings": {"shadowed": {"text": "Variable {0} shadows {1}."}}},
                           "extensions": [{"name": "pack", "rules": [{"id": "CS1", "shortDescription": {"text": "From the pack"},
                                                                     "defaultConfiguration": {"level": "note"}}]}]},
                  "results": [{"ruleId": "CS1"},
                              {"ruleId": "CS2", "message": {"id": "shadowed", "arguments": ["event", "the handler's event"]}}]}]}
                """);

        assertThat(sink.findings).extracting(NormalizedFinding::title, NormalizedFinding::severity).containsExactly(
                tuple("From the pack", Severity.LOW),
                tuple("Variable event shadows the handler's event.", Severity.MEDIUM));
    }

    @Test
    void aLogWithoutRunsOrWithEmptyRunsHasNoFinding() throws ReportFormatException {
        assertThat(parseText("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\", \"runs\": []}").records()).isZero();
        assertThat(parseText("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"A\"}}, \"results\": []},"
                + "{\"tool\": {\"driver\": {\"name\": \"B\"}}}]}").records()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"version\": \"2.1.0\"}                                                              | /runs",
            "{\"version\": \"2.1.0\", \"runs\": null}                                              | /runs",
            "{\"runs\": {}}                                                                        | /runs",
            "[{\"runs\": []}]                                                                      | line 1, column 1",
            "{\"runs\": [42]}                                                                      | /runs/0",
            "{\"runs\": [{\"results\": []}]}                                                       | /runs/0/tool",
            "{\"runs\": [{\"tool\": {\"driver\": {}}, \"results\": [{}]}]}                         | /runs/0/tool/driver/name",
            "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}}, \"results\": {}}]}            | /runs/0/results",
            "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}}, \"results\": [{}, 42]}]}      | /runs/0/results/1",
            "{\"runs\": [{\"results\": [{}, \"x\"], \"tool\": {\"driver\": {\"name\": \"x\"}}}]}   | /runs/0/results/1",
    })
    void aDocumentOfAnotherShapeIsRefusedWithWhereItDiffers(String json, String position) {
        assertThatThrownBy(() -> parseText(json))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo("sarif");
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.reason()).isNotBlank();
                });
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThatThrownBy(() -> parseText("")).isInstanceOf(ReportFormatException.class);
    }

    @Test
    void oddlyShapedFieldsOfAResultAreIgnoredRatherThanFailing() throws ReportFormatException {
        CollectingSink sink = parseText("""
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": {"a": 1}}},
                  "results": [{"ruleIndex": "zz", "rule": 7, "message": "text", "locations": {"a": 1}, "suppressions": "yes",
                               "partialFingerprints": [1], "properties": {"security-severity": "high", "tags": {"t": "CWE-x"}},
                               "taxa": [{"toolComponent": {"index": 9}}]}]}]}
                """);

        assertThat(sink.findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(finding.title()).isEqualTo("Untitled finding");
            assertThat(finding.toolIdentity()).isNull();
        });
    }

    @Test
    void placeholdersAreFilledAndDoubledBracesAreLiteral() {
        assertThat(SarifMessages.fill("{0} reaches {1} ({{not {2}}})", List.of("event.body", "eval"))).isEqualTo("event.body reaches eval ({not {2}})");
    }

    @Test
    void detectionNeedsRunsAndASarifSchemaOrVersion() {
        assertThat(parser.format().detectionOrder()).isEqualTo(100);
        assertThat(parser.accepts(new ReportSample("{\"version\": \"2.1.0\", \"runs\": []}", "report.json"))).isTrue();
        assertThat(parser.accepts(new ReportSample("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0-rtm.5.json\", \"runs\": []}", "x"))).isTrue();
        assertThat(parser.accepts(new ReportSample("{\"runs\": []}", "report.sarif"))).as("no schema or version").isFalse();
        assertThat(parser.accepts(new ReportSample("{\"SchemaVersion\": 2, \"ArtifactName\": \".\", \"Results\": []}", "trivy.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"$schema\": \"http://cyclonedx.org/schema/bom-1.5.schema.json\", \"bomFormat\": \"CycloneDX\", "
                + "\"specVersion\": \"1.5\", \"version\": 1}", "bom.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("[{\"RuleID\": \"aws-access-token\", \"Secret\": \"...\"}]", "gitleaks.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("runs version 2.1.0 sarif", "notes.txt"))).isFalse();
        assertThat(parser.accepts(new ReportSample(null, null))).isFalse();
    }

    @Test
    void theRegistryFindsTheParserByIdAndDetectsItsReports() {
        ParserRegistry registry = new ParserRegistry(List.of(parser));

        assertThat(registry.byId("SARIF")).containsSame(parser);
        assertThat(registry.detect(sample("many.sarif"))).containsSame(parser);
    }

    private static NormalizedFinding find(List<NormalizedFinding> findings, Predicate<NormalizedFinding> which) {
        List<NormalizedFinding> matching = findings.stream().filter(which).toList();
        assertThat(matching).as("exactly one finding matches").hasSize(1);
        return matching.get(0);
    }
}
