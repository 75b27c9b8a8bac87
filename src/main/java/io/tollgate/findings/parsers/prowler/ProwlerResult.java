package io.tollgate.findings.parsers.prowler;

import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.Severity;

import java.util.List;

/**
 * One Prowler check result, whichever output it came from (JSON-OCSF, Prowler 3 JSON, Prowler 2 JSON lines, CSV).
 * A PASS becomes a passed control evaluation; FAIL and MANUAL become findings, muted ones marked suppressed;
 * Prowler 2's informational notes are left out.
 *
 * @param status        what the check concluded
 * @param checkId       Prowler's check id (awslambda_function_url_public; check114 in Prowler 2)
 * @param title         the check's title
 * @param severity      Prowler's severity word (critical, high, medium, low, informational)
 * @param resource      the resource checked: ARN, resource id or name
 * @param detail        what Prowler found on this resource (status_extended)
 * @param risk          why it matters
 * @param compliance    the compliance requirements the check maps to, as one line, or {@code null}
 * @param remediation   how to fix it
 * @param references    links to read more; blank and repeated links are dropped, and the list may hold nulls
 * @param uid           Prowler's own finding id, or {@code null} for outputs without one
 * @param mutedReason   why the result is muted, or {@code null} when it is not
 */
record ProwlerResult(
        ProwlerStatus status,
        String checkId,
        String title,
        String severity,
        String resource,
        String detail,
        String risk,
        String compliance,
        String remediation,
        List<String> references,
        String uid,
        String mutedReason) {

    static final String TOOL = "Prowler";

    ProwlerResult {
        references = references.stream().filter(url -> url != null && !url.isBlank()).map(String::strip).distinct().toList();
    }

    void report(ReportSink sink) {
        if (status == ProwlerStatus.NOTE) {
            return;
        }
        if (status == ProwlerStatus.PASS) {
            sink.passed(new PassedCheck(TOOL, checkId, resource));
            return;
        }
        sink.finding(NormalizedFinding.builder(TOOL)
                .ruleId(checkId)
                .checkId(checkId)
                .title(title)
                .severity(status == ProwlerStatus.MANUAL ? Severity.INFO : Severity.fromLabel(severity).orElse(Severity.MEDIUM))
                .resource(resource)
                .description(description())
                .remediation(remediation)
                .references(references)
                .toolIdentity(uid)
                .suppressed(mutedReason != null, mutedReason)
                .build());
    }

    private String description() {
        StringBuilder text = new StringBuilder();
        if (status == ProwlerStatus.MANUAL) {
            appendParagraph(text, "", "Manual check: Prowler cannot decide this one automatically; verify it by hand.");
        }
        appendParagraph(text, "", detail);
        appendParagraph(text, "Risk: ", risk);
        appendParagraph(text, "Compliance: ", compliance);
        return text.toString();
    }

    private static void appendParagraph(StringBuilder text, String label, String paragraph) {
        if (paragraph == null || paragraph.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(label).append(paragraph.strip());
    }
}
