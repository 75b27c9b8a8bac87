package io.tollgate.findings.parsers.zap;

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

class ZapParserTest extends AbstractReportParserTest {

    private final ZapParser parser = new ZapParser();

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
        return 4;
    }

    @Test
    void anAlertIsOneFindingOnItsFirstUrlWithEveryRequestInTheDescription() throws ReportFormatException {
        NormalizedFinding finding = parse("one.xml").findings.get(0);

        assertThat(finding.tool()).isEqualTo("ZAP");
        assertThat(finding.ruleId()).isEqualTo("10035-1");
        assertThat(finding.title()).isEqualTo("Strict-Transport-Security Header Not Set");
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.cweIds()).containsExactly(319);
        assertThat(finding.resource()).isEqualTo("https://orders.example.test/v1/health");
        assertThat(finding.filePath()).isNull();
        assertThat(finding.description())
                .startsWith("The CloudFront distribution in front of the orders API does not send an HTTP Strict-Transport-Security header.")
                .contains("Found on 2 requests:\n- GET https://orders.example.test/v1/orders\n- GET https://orders.example.test/v1/health")
                .doesNotContain("<p>");
        assertThat(finding.remediation()).isEqualTo("Add a Strict-Transport-Security header with a response headers policy on the distribution.");
        assertThat(finding.references()).containsExactly(
                "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html",
                "https://owasp.org/www-community/Security_Headers");
        assertThat(finding.toolIdentity()).isNull();
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void riskCodesMapOntoTollgateSeverities() throws ReportFormatException {
        List<NormalizedFinding> findings = parse("many.xml").findings;

        assertThat(findings).extracting(NormalizedFinding::ruleId, NormalizedFinding::severity).containsExactly(
                tuple("40012", Severity.HIGH),
                tuple("10038-1", Severity.MEDIUM),
                tuple("10096", Severity.INFO),
                tuple("90004-1", Severity.LOW));
    }

    @Test
    void htmlIsTextAndRequestsAndResponsesAreNotKept() throws ReportFormatException {
        NormalizedFinding xss = parse("many.xml").findings.get(0);

        assertThat(xss.cweIds()).containsExactly(79);
        assertThat(xss.description())
                .startsWith("The search function echoes the q parameter into its HTML error page.\nAn attacker can run script in the victim's browser.")
                .contains("(parameter q)");
        assertThat(xss.toString()).doesNotContain("ghp_FAKE").doesNotContain("Bad Request").doesNotContain("<script>");
    }

    @Test
    void anAlertMarkedFalsePositiveInZapIsSuppressed() throws ReportFormatException {
        NormalizedFinding timestamp = parse("many.xml").findings.get(2);

        assertThat(timestamp.suppressed()).isTrue();
        assertThat(timestamp.suppressionReason()).isEqualTo("marked as a false positive in ZAP");
    }

    @Test
    void anAlertWithoutInstancesIsLocatedOnItsSiteAndAnUnknownCweIsLeftOut() throws ReportFormatException {
        NormalizedFinding spectre = parse("many.xml").findings.get(3);

        assertThat(spectre.resource()).isEqualTo("https://d111111abcdef8.cloudfront.net");
        assertThat(spectre.cweIds()).isEmpty();
    }

    @Test
    void theJsonReportGivesTheSameFindings() throws ReportFormatException {
        assertThat(parser.accepts(sample("many.json"))).isTrue();
        assertThat(parser.accepts(sample("empty.json"))).isTrue();
        assertThat(parse("empty.json").findings).isEmpty();

        List<NormalizedFinding> findings = parse("many.json").findings;

        assertThat(findings).hasSize(2);
        NormalizedFinding cors = findings.get(0);
        assertThat(cors.ruleId()).isEqualTo("10098");
        assertThat(cors.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(cors.cweIds()).containsExactly(264);
        assertThat(cors.resource()).isEqualTo("https://abcdefghij.lambda-url.eu-west-1.on.aws/profile");
        assertThat(cors.description()).contains("Other information:\nThe header was seen on an authenticated endpoint.");
        assertThat(findings.get(1).resource()).isEqualTo("https://abcdefghij.lambda-url.eu-west-1.on.aws/");
    }

    @Test
    void anOldJsonReportWithOneSiteObjectIsRead() throws ReportFormatException {
        String report = "{\"@version\": \"2.7.0\", \"@generated\": \"Mon, 1 Jan 2018\", \"site\": {\"@name\": \"https://api.example.test\","
                + " \"alerts\": [{\"pluginid\": \"10202\", \"alert\": \"Absence of Anti-CSRF Tokens\", \"riskcode\": \"1\","
                + " \"confidence\": \"2\", \"cweid\": \"352\"}]}}";

        NormalizedFinding finding = parseText(report).findings.get(0);

        assertThat(finding.ruleId()).isEqualTo("10202");
        assertThat(finding.title()).isEqualTo("Absence of Anti-CSRF Tokens");
        assertThat(finding.resource()).isEqualTo("https://api.example.test");
    }

    @Test
    void reportsOfAnotherShapeAreRefused() {
        assertThatThrownBy(() -> parseText("<?xml version=\"1.0\"?>\n<analysis><dependencies/></analysis>"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.position()).startsWith("line 2");
                    assertThat(e.reason()).contains("OWASPZAPReport");
                });
        assertThatThrownBy(() -> parseText("{\"runs\": []}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/"));
        assertThatThrownBy(() -> parseText("{\"@version\": \"2.15.0\", \"site\": [{\"alerts\": [\"x\"]}]}"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/site/0/alerts/0"));
    }

    @Test
    void otherFormatsAreNotAccepted() {
        assertThat(parser.accepts(new ReportSample("<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"/>", "bom.xml"))).isFalse();
        assertThat(parser.accepts(new ReportSample("{\"SchemaVersion\": 2, \"Results\": []}", "trivy.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("<?xml version=\"1.0\"?><checkstyle version=\"4.3\"/>", "checkstyle.xml"))).isFalse();
    }

}
