package io.tollgate.findings.parsers.prowler;

import io.tollgate.findings.parsers.Digests;
import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prowler's CSV output for AWS, Azure, GCP and Kubernetes: semicolon-separated with STATUS, CHECK_ID, RESOURCE_UID...
 * (Prowler 3 and later, {@code -M csv}), or comma-separated with CHECK_RESULT, TITLE_TEXT... (Prowler 2). Rows are
 * read one at a time.
 */
@ApplicationScoped
public class ProwlerCsvParser implements ReportParser {

    static final String ID = "prowler-csv";

    /** How far the header row may reach; it is read twice, once to choose the delimiter. */
    private static final int HEADER_LIMIT = 1024 * 1024;

    private static final ReportFormat FORMAT = new ReportFormat(ID, "Prowler CSV",
            "prowler aws -M csv -o prowler-output", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        String head = sample.trimmedHead();
        int end = head.indexOf('\n');
        Set<String> columns = Arrays.stream((end < 0 ? head : head.substring(0, end)).split("[;,]"))
                .map(column -> column.replace("\"", "").strip())
                .collect(Collectors.toSet());
        boolean current = columns.containsAll(List.of("STATUS", "CHECK_ID", "STATUS_EXTENDED"))
                && (columns.contains("FINDING_UID") || columns.contains("FINDING_UNIQUE_ID"));
        boolean prowler2 = columns.containsAll(List.of("ACCOUNT_NUM", "TITLE_ID", "CHECK_RESULT", "TITLE_TEXT"));
        return current || prowler2;
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        try (BufferedReader text = new BufferedReader(new InputStreamReader(report, StandardCharsets.UTF_8))) {
            text.mark(HEADER_LIMIT);
            String firstLine = text.readLine();
            if (firstLine == null || firstLine.isBlank()) {
                throw new ReportFormatException(ID, "row 1", "the report is empty: no header row");
            }
            text.reset();
            CsvReader csv = new CsvReader(text, firstLine.contains(";") ? ';' : ',', ID);
            ProwlerCsvHeader header = new ProwlerCsvHeader(csv.next());
            boolean prowler2 = isProwler2Layout(header);
            Set<String> seenRows = new HashSet<>();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                String position = "row " + csv.row();
                checkWidth(header, row, position);
                // A row repeated to the letter is the same result written twice, not a second one.
                if (seenRows.add(Digests.sha256(String.join("\u001f", row)))) {
                    (prowler2 ? prowler2(header, row, position) : current(header, row, position)).report(sink);
                }
            }
        } catch (IOException e) {
            throw new ReportFormatException(ID, null, "the report could not be read: " + e.getMessage(), e);
        }
    }

    /** Whether the header is Prowler 2's; refuses a header that is neither Prowler 2's nor a later one. */
    private static boolean isProwler2Layout(ProwlerCsvHeader header) throws ReportFormatException {
        if (header.has("STATUS", "CHECK_ID")) {
            return false;
        }
        if (header.has("CHECK_RESULT", "TITLE_TEXT")) {
            return true;
        }
        throw new ReportFormatException(ID, "row 1", "not a Prowler CSV header: expected the columns STATUS and CHECK_ID"
                + " (Prowler 3 and later) or CHECK_RESULT and TITLE_TEXT (Prowler 2)");
    }

    /** A short row is a truncated report; extra fields are only accepted empty (Prowler 2 ends rows with a delimiter). */
    private static void checkWidth(ProwlerCsvHeader header, List<String> row, String position) throws ReportFormatException {
        if (row.size() < header.size()) {
            throw new ReportFormatException(ID, position, "the row has " + row.size() + " fields where the header has "
                    + header.size() + " (truncated report?)");
        }
        if (row.subList(header.size(), row.size()).stream().anyMatch(extra -> !extra.isBlank())) {
            throw new ReportFormatException(ID, position, "the row has more fields than the header (" + header.size() + ")");
        }
    }

    private static ProwlerResult current(ProwlerCsvHeader header, List<String> row, String position) throws ReportFormatException {
        String status = requireStatus(header.value(row, "STATUS"), position, "STATUS");
        boolean muted = "true".equalsIgnoreCase(header.value(row, "MUTED")) || status.equalsIgnoreCase("muted");
        List<String> references = new ArrayList<>();
        references.add(header.value(row, "REMEDIATION_RECOMMENDATION_URL"));
        references.add(header.value(row, "RELATED_URL"));
        String additional = header.value(row, "ADDITIONAL_URLS");
        if (additional != null) {
            references.addAll(Arrays.asList(additional.split("\\s*\\|\\s*")));
        }
        return new ProwlerResult(
                ProwlerStatus.of(status),
                header.value(row, "CHECK_ID"),
                header.value(row, "CHECK_TITLE"),
                header.value(row, "SEVERITY"),
                header.value(row, "RESOURCE_UID", "RESOURCE_ARN", "RESOURCE_ID", "RESOURCE_NAME"),
                header.value(row, "STATUS_EXTENDED"),
                header.value(row, "RISK"),
                header.value(row, "COMPLIANCE"),
                header.value(row, "REMEDIATION_RECOMMENDATION_TEXT"),
                references,
                header.value(row, "FINDING_UID", "FINDING_UNIQUE_ID"),
                muted ? "muted in Prowler" : null);
    }

    /** Prowler 2 names no resource in its CSV; the account and region are in the result text. */
    private static ProwlerResult prowler2(ProwlerCsvHeader header, List<String> row, String position) throws ReportFormatException {
        String status = requireStatus(header.value(row, "CHECK_RESULT", "RESULT"), position, "CHECK_RESULT");
        LegacyControl control = LegacyControl.parse(header.value(row, "TITLE_TEXT"));
        return new ProwlerResult(
                ProwlerStatus.of(status),
                control.checkName() != null ? control.checkName() : header.value(row, "TITLE_ID"),
                control.title(),
                header.value(row, "CHECK_SEVERITY", "SEVERITY"),
                null,
                header.value(row, "CHECK_RESULT_EXTENDED"),
                header.value(row, "CHECK_RISK"),
                null,
                header.value(row, "CHECK_REMEDIATION"),
                Arrays.asList(header.value(row, "CHECK_DOC")),
                null,
                null);
    }

    private static String requireStatus(String status, String position, String column) throws ReportFormatException {
        if (status == null) {
            throw new ReportFormatException(ID, position, "empty " + column);
        }
        return status;
    }
}
