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

class ProwlerCsvParserTest extends AbstractReportParserTest {

    private final ProwlerCsvParser parser = new ProwlerCsvParser();

    @Override
    protected ReportParser parser() {
        return parser;
    }

    @Override
    protected String fixtureExtension() {
        return "csv";
    }

    @Override
    protected int manyFindingsCount() {
        return 3;
    }

    @Test
    void aFailedRowIsAFindingAndQuotedFieldsKeepDelimitersQuotesAndLineBreaks() throws ReportFormatException {
        NormalizedFinding finding = parse("one.csv").findings.get(0);

        assertThat(finding.tool()).isEqualTo("Prowler");
        assertThat(finding.checkId()).isEqualTo("awslambda_function_using_supported_runtimes");
        assertThat(finding.title()).isEqualTo("Find obsolete Lambda runtimes");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.resource()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:legacy-export");
        assertThat(finding.toolIdentity()).isEqualTo("prowler-aws-awslambda_function_using_supported_runtimes-111122223333-eu-west-1-legacy-export");
        assertThat(finding.description())
                .startsWith("Lambda function legacy-export is using nodejs14.x which is obsolete.")
                .contains("Risk: A deprecated runtime gets no security patches; \"it still works\" is not a reason to keep it.\nPlan the upgrade;")
                .endsWith("Compliance: AWS-Foundational-Security-Best-Practices: Lambda.2 | CIS-3.0: 2.1");
        assertThat(finding.remediation()).isEqualTo("Update the Runtime property in template.yaml; then run sam build; sam deploy.");
        assertThat(finding.references()).containsExactly("https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
                "https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html",
                "https://aws.amazon.com/blogs/compute/upgrading-lambda-runtimes/");
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void passIsAPassedCheckManualIsInfoAndMutedIsSuppressed() throws ReportFormatException {
        CollectingSink sink = parse("many.csv");

        assertThat(sink.passed).containsExactly(new PassedCheck("Prowler", "iam_user_mfa_enabled_console_access",
                "arn:aws:iam::111122223333:user/release-manager"));
        assertThat(sink.byCheck("awslambda_function_url_public").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(sink.byCheck("account_maintain_current_contact_details").severity()).isEqualTo(Severity.INFO);
        NormalizedFinding muted = sink.byCheck("cloudwatch_log_group_retention_policy_specific_days_enabled");
        assertThat(muted.suppressed()).isTrue();
        assertThat(muted.suppressionReason()).isEqualTo("muted in Prowler");
    }

    @Test
    void prowler2CsvIsReadWithCommasAndTheBracketedCheckName() throws ReportFormatException {
        assertThat(parser.accepts(sample("prowler2.csv"))).isTrue();
        CollectingSink sink = parse("prowler2.csv");

        assertThat(sink.passed).containsExactly(new PassedCheck("Prowler", "check21", null));
        NormalizedFinding finding = sink.findings.get(0);
        assertThat(finding.checkId()).isEqualTo("check114");
        assertThat(finding.title()).isEqualTo("Ensure hardware MFA is enabled for the root account (Scored)");
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.resource()).isNull();
        assertThat(finding.description()).startsWith("eu-west-1: Only Virtual MFA is enabled for root")
                .contains("The \"root\" user can do anything, so protect it with a hardware key.");
        assertThat(finding.references()).containsExactly("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html");
    }

    @Test
    void aShortRowIsRefusedWithItsRowNumber() {
        assertThatThrownBy(() -> parseText("STATUS;CHECK_ID;CHECK_TITLE\nFAIL;a;A\nFAIL;b\n"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.position()).isEqualTo("row 3");
                    assertThat(e.reason()).contains("2 fields where the header has 3");
                });
    }

    @Test
    void anEmptyStatusIsRefusedWithItsRowNumber() {
        assertThatThrownBy(() -> parseText("STATUS;CHECK_ID\r\n;a\r\n"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("row 2"));
    }

    @Test
    void aCsvOfAnotherToolIsRefusedAtItsHeader() {
        assertThatThrownBy(() -> parseText("Name,Severity,Description\nx,High,y\n"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> assertThat(e.position()).isEqualTo("row 1"));
        assertThat(parser.accepts(new ReportSample("Name,Severity,Description\nx,High,y\n", "other.csv"))).isFalse();
        assertThat(parser.accepts(new ReportSample("STATUS;CHECK_ID;TITLE\n", "other.csv"))).isFalse();
    }

}
