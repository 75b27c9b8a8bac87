package io.tollgate.findings.parsers.gitleaks;

import io.tollgate.findings.parsers.AbstractReportParserTest;
import io.tollgate.findings.parsers.CollectingSink;
import io.tollgate.findings.parsers.MaskedSecret;
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

class GitleaksParserTest extends AbstractReportParserTest {

    private final GitleaksParser parser = new GitleaksParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 3;
    }

    @Test
    void aLeakIsHighWithLocationFingerprintAndMaskedSecret() throws ReportFormatException {
        NormalizedFinding leak = parse("one.json").findings.get(0);

        assertThat(leak.tool()).isEqualTo("gitleaks");
        assertThat(leak.ruleId()).isEqualTo("aws-access-token");
        assertThat(leak.title()).isEqualTo("AWS Access Key in src/config.js");
        assertThat(leak.severity()).isEqualTo(Severity.HIGH);
        assertThat(leak.cweIds()).containsExactly(798);
        assertThat(leak.filePath()).isEqualTo("src/config.js");
        assertThat(leak.line()).isEqualTo(12);
        assertThat(leak.toolIdentity()).isEqualTo("4f9c2e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e:src/config.js:aws-access-token:12");
        assertThat(leak.references()).containsExactly(
                "https://github.com/example-team/orders-api/blob/4f9c2e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e/src/config.js#L12");
        assertThat(leak.description()).contains("4f9c2e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e").contains("Dana Developer")
                .doesNotContain("dana@example.com").doesNotContain("wire the orders table");
        assertThat(leak.remediation()).contains("rotate");
        assertThat(leak.secret()).isEqualTo(MaskedSecret.of("AKIAEXAMPLEEXAMPLE00"));
        assertThat(leak.secret().masked()).isEqualTo("AKIA…");
    }

    @Test
    void theSecretAndTheMatchedLineAreNowhereInAFinding() throws ReportFormatException {
        for (NormalizedFinding leak : parse("many.json").findings) {
            assertThat(leak.toString())
                    .doesNotContain("AKIAEXAMPLEEXAMPLE00")
                    .doesNotContain("ghp_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE")
                    .doesNotContain("FAKE0123456789abcdefFAKE0123456789");
        }
    }

    @Test
    void aLongRuleDescriptionGivesWayToTheRuleIdInTheTitle() throws ReportFormatException {
        NormalizedFinding token = parse("many.json").findings.get(0);

        assertThat(token.title()).isEqualTo("github-pat in .github/workflows/deploy.yml");
        assertThat(token.description()).startsWith("Uncovered a GitHub Personal Access Token");
    }

    @Test
    void aLeakFoundOutsideGitHasNoCommitAndARedactedOneNoSecret() throws ReportFormatException {
        CollectingSink sink = parse("many.json");

        NormalizedFinding samTemplate = sink.findings.get(1);
        assertThat(samTemplate.title()).isEqualTo("generic-api-key in template.yaml");
        assertThat(samTemplate.description()).doesNotContain("Committed");
        assertThat(samTemplate.secret().masked()).isEqualTo("FAKE…");
        NormalizedFinding redacted = sink.findings.get(2);
        assertThat(redacted.title()).isEqualTo("Slack Webhook in functions/notify/.env");
        assertThat(redacted.secret()).isNull();
    }

    @Test
    void detectsLeakArraysButNotOtherArrays() {
        assertThat(parser.accepts(new ReportSample("[{\"check_type\": \"terraform\", \"results\": {}}]", "checkov.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"results\": []}", "gitleaks.json"))).isFalse();
    }

    @Test
    void anObjectOrALeakWithoutRuleIsRefused() {
        assertThatThrownBy(() -> parser.parse(json("{\"leaks\": []}"), new CollectingSink()))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/"));
        assertThatThrownBy(() -> parser.parse(json("[{\"offender\": \"x\", \"rule\": \"AWS\"}]"), new CollectingSink()))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/0"));
    }

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
