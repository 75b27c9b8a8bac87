package io.tollgate.findings.parsers.bandit;

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bandit's JSON report ({@code bandit -r . -f json}): Python issues in {@code results}, per-file counts in
 * {@code metrics}. The report is read one issue at a time; the metrics are passed over.
 */
@ApplicationScoped
public class BanditParser implements ReportParser {

    static final String ID = "bandit";
    private static final String TOOL = "Bandit";

    /** B105-B107 quote the password they found: "Possible hardcoded password: 'hunter2'". */
    private static final Pattern QUOTED_PASSWORD = Pattern.compile("(?s)^(Possible hardcoded password): '(.*)'\\s*$");

    private static final ReportFormat FORMAT = new ReportFormat(ID, "Bandit JSON",
            "bandit -r . -f json -o bandit.json", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    /** Bandit's own words: {@code issue_severity} in results, {@code SEVERITY.HIGH} in the metrics of every file. */
    @Override
    public boolean accepts(ReportSample sample) {
        return sample.trimmedHead().startsWith("{")
                && (sample.contains("\"issue_severity\"") && sample.contains("\"test_id\"")
                || sample.contains("\"generated_at\"") && sample.contains("\"SEVERITY.HIGH\""));
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        JsonWalker walker = JsonWalker.open(report, ID);
        boolean[] sawResults = {false};
        walker.fields("", (name, pointer) -> {
            if (!name.equals("results")) {
                walker.skip();
            } else if (walker.current() != JsonToken.START_ARRAY) {
                throw walker.shapeError(pointer, "results must be an array");
            } else {
                sawResults[0] = true;
                walker.elements(pointer, (issue, at) -> sink.finding(toFinding(issue, at)));
            }
        });
        if (!sawResults[0]) {
            throw walker.shapeError("/results", "missing the results array");
        }
    }

    private static NormalizedFinding toFinding(JsonNode issue, String pointer) throws ReportFormatException {
        if (!issue.isObject() || JsonReports.text(issue, "test_id") == null) {
            throw new ReportFormatException(ID, pointer, "an issue without test_id");
        }
        JsonNode cwe = issue.path("issue_cwe");
        Integer cweId = JsonReports.integer(cwe, "id");
        String text = JsonReports.text(issue, "issue_text");
        MaskedSecret password = null;
        Matcher quoted = QUOTED_PASSWORD.matcher(text == null ? "" : text.strip());
        if (quoted.matches()) {
            text = quoted.group(1);
            password = MaskedSecret.of(quoted.group(2));
        }
        List<String> references = new ArrayList<>(JsonReports.texts(issue, "more_info"));
        references.addAll(JsonReports.texts(cwe, "link"));
        return NormalizedFinding.builder(TOOL)
                .ruleId(JsonReports.text(issue, "test_id"))
                .title(text == null ? JsonReports.text(issue, "test_name") : text.strip().replaceAll("\\s+", " "))
                .severity(severity(JsonReports.text(issue, "issue_severity")))
                .cweIds(cweId == null || cweId <= 0 ? List.of() : List.of(cweId))
                .filePath(JsonReports.text(issue, "filename"))
                .line(JsonReports.integer(issue, "line_number"))
                .description(description(issue, text))
                .references(references)
                .secret(password)
                .build();
    }

    /** HIGH, MEDIUM and LOW as they are; Bandit's UNDEFINED (a plugin that set none) is INFO. */
    private static Severity severity(String label) {
        if ("UNDEFINED".equalsIgnoreCase(label)) {
            return Severity.INFO;
        }
        return Severity.fromLabel(label).orElse(Severity.MEDIUM);
    }

    /**
     * The issue text with Bandit's test name and confidence. The matched code is left out: hard-coded password
     * tests (B105-B107) match the password itself, which is also cut from their issue text and kept only masked.
     */
    private static String description(JsonNode issue, String text) {
        StringBuilder description = new StringBuilder(text == null ? "" : text.strip());
        String test = JsonReports.text(issue, "test_name");
        String confidence = JsonReports.text(issue, "issue_confidence");
        if (test != null) {
            description.append(description.isEmpty() ? "" : "\n\n").append("Bandit test: ").append(test);
        }
        if (confidence != null) {
            description.append(description.isEmpty() ? "" : "\n").append("Confidence: ").append(confidence);
        }
        return description.toString();
    }
}
