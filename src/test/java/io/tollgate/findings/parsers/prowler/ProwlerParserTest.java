package io.tollgate.findings.parsers.prowler;

import io.tollgate.findings.parsers.AbstractReportParserTest;
import io.tollgate.findings.parsers.CollectingSink;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.Severity;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProwlerParserTest extends AbstractReportParserTest {

    private final ProwlerParser parser = new ProwlerParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected String fixtureExtension() {
        return "ocsf.json";
    }

    @Override
    protected int manyFindingsCount() {
        return 4;
    }

    @Test
    void anOcsfFailureIsAFindingWithCheckResourceAndUid() throws ReportFormatException {
        NormalizedFinding finding = parse("one.ocsf.json").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Prowler");
        assertThat(finding.checkId()).isEqualTo("awslambda_function_url_public");
        assertThat(finding.ruleId()).isEqualTo("awslambda_function_url_public");
        assertThat(finding.title()).isEqualTo("Check if Lambda function URLs are public");
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.resource()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:orders-api");
        assertThat(finding.toolIdentity()).isEqualTo("prowler-aws-awslambda_function_url_public-111122223333-eu-west-1-orders-api");
        assertThat(finding.description())
                .startsWith("Lambda function orders-api has a publicly accessible function URL.")
                .contains("Risk: Anyone who finds the URL can invoke the function")
                .contains("Compliance: AWS-Foundational-Technical-Review: NETSEC-001; ISO27001-2022: A.8.20");
        assertThat(finding.remediation()).startsWith("Set the function URL's AuthType to AWS_IAM");
        assertThat(finding.references()).contains("https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html");
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void aPassIsAPassedCheckNotAFinding() throws ReportFormatException {
        CollectingSink sink = parse("many.ocsf.json");

        assertThat(sink.passed).containsExactly(new PassedCheck("Prowler", "iam_root_mfa_enabled", "arn:aws:iam::111122223333:root"));
        assertThat(sink.records()).isEqualTo(5);
    }

    @Test
    void mutedResultsAreSuppressedFindings() throws ReportFormatException {
        CollectingSink sink = parse("many.ocsf.json");

        assertThat(sink.byCheck("apigateway_restapi_waf_acl_attached").suppressionReason()).isEqualTo("muted in Prowler (status Suppressed)");
        assertThat(sink.byCheck("awslambda_function_using_supported_runtimes").suppressionReason()).isEqualTo("muted in Prowler");
        assertThat(sink.byCheck("awslambda_function_no_secrets_in_variables").suppressed()).isFalse();
    }

    @Test
    void aManualCheckIsAnInformationalFinding() throws ReportFormatException {
        NormalizedFinding finding = parse("many.ocsf.json").byCheck("account_security_contact_information_is_registered");

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.description()).startsWith("Manual check:");
    }

    @Test
    void prowler3JsonIsReadWithItsFindingUniqueId() throws ReportFormatException {
        CollectingSink sink = parse("prowler3.json");

        NormalizedFinding finding = sink.findings.get(0);
        assertThat(sink.findings).hasSize(1);
        assertThat(finding.checkId()).isEqualTo("awslambda_function_not_publicly_accessible");
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.resource()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:image-resizer");
        assertThat(finding.toolIdentity()).isEqualTo("prowler-aws-awslambda_function_not_publicly_accessible-111122223333-eu-west-1-image-resizer");
        assertThat(finding.references()).containsExactly("https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html");
        assertThat(finding.description()).endsWith("Compliance: CIS-2.0: 1.20");
        assertThat(sink.passed).containsExactly(new PassedCheck("Prowler", "cloudtrail_multi_region_enabled",
                "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-trail"));
    }

    @Test
    void prowler2JsonLinesAreReadWithTheBracketedCheckName() throws ReportFormatException {
        CollectingSink sink = parse("prowler2.json");

        assertThat(sink.passed).containsExactly(new PassedCheck("Prowler", "check11", "root"));
        assertThat(sink.findings).as("the Info line of check117 evaluates nothing").hasSize(1);
        NormalizedFinding mfa = sink.byCheck("check12");
        assertThat(mfa.title()).isEqualTo("Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password");
        assertThat(mfa.severity()).isEqualTo(Severity.HIGH);
        assertThat(mfa.resource()).isEqualTo("deploy-admin");
        assertThat(mfa.toolIdentity()).isNull();
    }

    @Test
    void anEmptyFileIsAnEmptyProwler2Report() throws ReportFormatException {
        assertThat(parseText("").records()).isZero();
    }

    @Test
    void aResultOfAnotherToolIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> parseText("[{\"ruleId\": \"x\"}]"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("/0"));
    }

    @Test
    void aResultWithoutStatusIsRefused() {
        assertThatThrownBy(() -> parseText("[{\"finding_info\": {\"uid\": \"u\"}, \"metadata\": {\"event_code\": \"c\"}}]"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.position()).isEqualTo("/0");
                    assertThat(e.reason()).isEqualTo("missing status_code");
                });
    }

    @Test
    void detectionRecognisesEveryProwlerJsonOutputAndNothingElse() {
        assertThat(parser.accepts(sample("prowler3.json"))).isTrue();
        assertThat(parser.accepts(sample("prowler2.json"))).isTrue();
        assertThat(parser.accepts(new ReportSample("[]", "results.json"))).isFalse();
        assertThat(parser.accepts(new ReportSample("[{\"finding_info\": {}, \"metadata\": {\"event_code\": \"x\", "
                + "\"product\": {\"name\": \"Security Hub\"}}}]", "ocsf.json"))).isFalse();
    }

}
