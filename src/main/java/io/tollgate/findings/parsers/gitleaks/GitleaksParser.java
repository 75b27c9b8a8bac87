package io.tollgate.findings.parsers.gitleaks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.MaskedSecret;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.findings.parsers.reading.JsonWalker;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON report of gitleaks 8 ({@code gitleaks detect --report-format json}): an array of leaked secrets. Every
 * leak is a HIGH finding; the secret is kept only as {@link MaskedSecret}, and {@code Match}, {@code Line} and the
 * commit message, which may carry it, are dropped. The report is read one leak at a time.
 */
@ApplicationScoped
public class GitleaksParser implements ReportParser {

    static final String ID = "gitleaks";
    private static final String TOOL = "gitleaks";

    /** CWE-798: Use of Hard-coded Credentials, what every leak is. */
    private static final List<Integer> HARD_CODED_CREDENTIALS = List.of(798);
    private static final String ROTATE = "Revoke and rotate the secret first: it stays in the git history. "
            + "Then load it at run time from a secret store (AWS Secrets Manager, SSM Parameter Store) instead of the code.";
    /** {@code --redact} replaces the secret by this word: nothing left to mask or to recognise. */
    private static final String REDACTED = "REDACTED";
    private static final int LONGEST_RULE_LABEL = 60;
    private static final Pattern EMPTY_ARRAY = Pattern.compile("^\\[\\s*]\\s*$");

    /**
     * Detected last: a leak's {@code RuleID} + {@code Fingerprint} is specific, but an empty report is a bare
     * {@code []}.
     */
    private static final ReportFormat FORMAT = new ReportFormat(ID, "gitleaks JSON",
            "gitleaks detect --source . --report-format json --report-path gitleaks.json", 300);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        String head = sample.trimmedHead();
        return head.startsWith("[") && (EMPTY_ARRAY.matcher(head).matches()
                || sample.contains("\"RuleID\"") && (sample.contains("\"Fingerprint\"") || sample.contains("\"Secret\"")));
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        JsonWalker walker = JsonWalker.open(report, ID);
        if (walker.current() != JsonToken.START_ARRAY) {
            throw walker.shapeError("", "expected a JSON array of leaks");
        }
        walker.elements("", (leak, pointer) -> sink.finding(toFinding(leak, pointer)));
    }

    private static NormalizedFinding toFinding(JsonNode leak, String pointer) throws ReportFormatException {
        if (!leak.isObject() || JsonReports.text(leak, "RuleID") == null) {
            throw new ReportFormatException(ID, pointer, "a leak without RuleID (gitleaks 8 reports have one)");
        }
        String ruleId = JsonReports.text(leak, "RuleID");
        String file = JsonReports.text(leak, "File");
        String secret = JsonReports.text(leak, "Secret");
        return NormalizedFinding.builder(TOOL)
                .ruleId(ruleId)
                .title(ruleLabel(leak, ruleId) + (file == null ? "" : " in " + file))
                .severity(Severity.HIGH)
                .cweIds(HARD_CODED_CREDENTIALS)
                .filePath(file)
                .line(JsonReports.integer(leak, "StartLine"))
                .description(description(leak))
                .remediation(ROTATE)
                .references(JsonReports.texts(leak, "Link"))
                .toolIdentity(JsonReports.text(leak, "Fingerprint"))
                .secret(REDACTED.equals(secret) ? null : MaskedSecret.of(secret))
                .build();
    }

    /** Older rules describe themselves in a few words ("AWS Access Key"); newer ones in a sentence: then the rule id. */
    private static String ruleLabel(JsonNode leak, String ruleId) {
        String description = JsonReports.text(leak, "Description");
        return description != null && description.length() <= LONGEST_RULE_LABEL ? description.strip() : ruleId;
    }

    /** The rule's description and where the leak entered: commit, date and author (not the commit message). */
    private static String description(JsonNode leak) {
        StringBuilder text = new StringBuilder();
        String description = JsonReports.text(leak, "Description");
        if (description != null) {
            text.append(description.strip());
        }
        String commit = JsonReports.text(leak, "Commit");
        if (commit != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append("Committed in ").append(commit);
            String date = JsonReports.text(leak, "Date");
            String author = JsonReports.text(leak, "Author");
            text.append(date == null ? "" : " on " + date).append(author == null ? "" : " by " + author).append('.');
        }
        return text.toString();
    }
}
