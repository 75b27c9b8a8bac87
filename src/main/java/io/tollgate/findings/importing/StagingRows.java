package io.tollgate.findings.importing;

import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.Severity;

import java.util.List;

/**
 * The parsing side of an import: encodes each finding and passed check as a row of the staging table and passes
 * them on in chunks. A finding the report names twice (same fingerprint) is staged once, so that the chunks never
 * repeat a fingerprint and can be merged one after the other.
 */
final class StagingRows {

    private final StagedChunks chunks;
    private final int rowsPerChunk;
    private final CopyRowWriter rows = new CopyRowWriter();
    private final FingerprintSet staged = new FingerprintSet();
    private int seq;
    private int passed;
    private int suppressed;
    private final int[] unsuppressedBySeverity = new int[Severity.values().length];

    StagingRows(StagedChunks chunks, int rowsPerChunk) {
        this.chunks = chunks;
        this.rowsPerChunk = rowsPerChunk;
    }

    void finding(StagedRow row) {
        if (!staged.add(row.fingerprint())) {
            return;
        }
        NormalizedFinding f = row.finding();
        if (f.suppressed()) {
            suppressed++;
        } else {
            unsuppressedBySeverity[f.severity().ordinal()]++;
        }
        rows.number(++seq).text("F").text(row.fingerprint()).text(f.severity().name()).text(f.title(), 500)
                .text(f.tool(), 100).text(f.ruleId(), 300).integers(f.cweIds())
                .text(row.classification().owaspCategory()).text(row.classification().sasId())
                .text(row.classification().practice()).text(row.controlId()).text(f.checkId(), 300)
                .text(f.filePath(), 1000).number(f.line()).text(f.resource(), 2048).text(f.packageName(), 300)
                .text(f.packageVersion(), 100).text(f.fixedVersion(), 300).texts(f.vulnerabilityIds(), 100)
                .text(f.description()).text(f.remediation()).texts(f.references(), 2000).text(f.toolIdentity(), 500)
                .bool(f.suppressed()).text(f.suppressionReason(), 2000)
                .text(f.secret() == null ? null : f.secret().masked(), 20)
                .text(f.secret() == null ? null : f.secret().sha256())
                .number(row.slaDays());
        endRow();
    }

    void passed(PassedCheck check, String controlId) {
        passed++;
        rows.number(++seq).text("P").text(null).text(null).text(null).text(check.tool(), 100).text(null)
                .integers(List.of()).text(null).text(null).text(null).text(controlId).text(check.checkId(), 300)
                .text(null).number(null).text(check.resource(), 2048).text(null).text(null).text(null)
                .texts(List.of(), 1).text(null).text(null).texts(List.of(), 1).text(null)
                .bool(false).text(null).text(null).text(null).number(null);
        endRow();
    }

    /** Passes on the last rows and marks the end of the report. */
    void end() {
        if (rows.rows() > 0) {
            pass();
        }
        chunks.end();
    }

    /** What the report held: findings counted once each, and passed checks. */
    Counts counts() {
        return new Counts(staged.size(), suppressed, unsuppressedBySeverity.clone(), passed);
    }

    /** @param unsuppressedBySeverity findings not suppressed by the tool, by severity (index: the severity's ordinal) */
    record Counts(int findings, int suppressed, int[] unsuppressedBySeverity, int passedChecks) {
    }

    private void endRow() {
        rows.endRow();
        if (rows.rows() >= rowsPerChunk) {
            pass();
        }
    }

    private void pass() {
        int count = rows.rows();
        chunks.put(new StagedChunks.Chunk(rows.take(), count));
    }
}
