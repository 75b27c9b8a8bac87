package io.tollgate.findings.parsers.bandit;

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

class BanditParserTest extends AbstractReportParserTest {

    private final BanditParser parser = new BanditParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected int manyFindingsCount() {
        return 4;
    }

    @Test
    void anIssueKeepsTestSeverityCweAndLocation() throws ReportFormatException {
        NormalizedFinding finding = parse("one.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Bandit");
        assertThat(finding.ruleId()).isEqualTo("B602");
        assertThat(finding.title()).isEqualTo("subprocess call with shell=True identified, security issue.");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.cweIds()).containsExactly(78);
        assertThat(finding.filePath()).isEqualTo("functions/thumbnails/app.py");
        assertThat(finding.line()).isEqualTo(41);
        assertThat(finding.description()).contains("Bandit test: subprocess_popen_with_shell_equals_true").contains("Confidence: HIGH");
        assertThat(finding.references()).containsExactly(
                "https://bandit.readthedocs.io/en/1.8.3/plugins/b602_subprocess_popen_with_shell_equals_true.html",
                "https://cwe.mitre.org/data/definitions/78.html");
        assertThat(finding.toolIdentity()).isNull();
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void aHardCodedPasswordIsKeptOnlyMasked() throws ReportFormatException {
        NormalizedFinding password = parse("many.json").findings.get(0);

        assertThat(password.title()).isEqualTo("Possible hardcoded password");
        assertThat(password.secret()).isEqualTo(MaskedSecret.of("hunter2-FAKE-not-a-real-password"));
        assertThat(password.toString()).doesNotContain("hunter2-FAKE-not-a-real-password");
        assertThat(password.severity()).isEqualTo(Severity.LOW);
        assertThat(password.cweIds()).containsExactly(259);
    }

    @Test
    void severityFollowsBanditNotItsConfidence() throws ReportFormatException {
        assertThat(parse("many.json").findings).extracting(NormalizedFinding::severity)
                .containsExactly(Severity.LOW, Severity.MEDIUM, Severity.MEDIUM, Severity.MEDIUM);
    }

    @Test
    void detectsBanditButNotSemgrep() {
        assertThat(parser.accepts(new ReportSample("{\"results\": [], \"errors\": []}", "semgrep.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("[]", "bandit.json"))).isFalse();
    }

    @Test
    void jsonWithoutResultsIsRefused() {
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream("{\"errors\": []}".getBytes(StandardCharsets.UTF_8)),
                new CollectingSink()))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/results"));
    }
}
