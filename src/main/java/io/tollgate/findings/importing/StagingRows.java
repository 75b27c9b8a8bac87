package io.tollgate.findings.importing;

import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The parsing side of an import: encodes each finding as a row, and each check result as a row of the checks table,
 * and passes them on in chunks. When the report's findings are all new, a finding row is a full row of
 * {@link BulkFindingWriter#FINDING_COLUMNS}, copied straight into the findings; otherwise it holds what the tool says
 * ({@link BulkFindingWriter#REPORTED_COLUMNS}) and the SLA in days, for the staging table, and the finding also gets a
 * narrow identity row ({@link BulkFindingWriter#IDENTITY_COLUMNS}) to be compared with the known findings. A finding
 * the report names twice (same fingerprint) is encoded once, so that the chunks never repeat a fingerprint and can be
 * merged one after the other.
 * <p>
 * The first chunk is small, so that the database starts while the rest of the report is parsed.
 */
final class StagingRows {

    static final int FIRST_CHUNK_ROWS = 1_000;

    private final StagedChunks chunks;
    private final int rowsPerChunk;
    private final CopyRowWriter findings = new CopyRowWriter();
    private final CopyRowWriter identities = new CopyRowWriter();
    private final CopyRowWriter checks = new CopyRowWriter();
    private final FingerprintSet staged = new FingerprintSet();
    private final boolean fullRows;
    private final byte[] importFields;
    private final Instant now;
    private final Map<Integer, String> slaDueAt = new HashMap<>();
    private final int[] unsuppressedBySeverity = new int[Severity.values().length];
    private int chunkLimit;
    private int passed;
    private int suppressed;

    StagingRows(StagedChunks chunks, int rowsPerChunk, boolean fullRows, ImportTarget target, long scanId, Instant now) {
        this.chunks = chunks;
        this.rowsPerChunk = rowsPerChunk;
        this.chunkLimit = Math.min(FIRST_CHUNK_ROWS, rowsPerChunk);
        this.fullRows = fullRows;
        this.importFields = importFields(target, scanId, now);
        this.now = now;
    }

    /** The fields every finding row of the import starts with, encoded once: where, by which scan, when, open. */
    private static byte[] importFields(ImportTarget target, long scanId, Instant now) {
        return new CopyRowWriter(128).number(target.teamId()).number(target.environmentId()).number(target.componentId())
                .text(target.tool(), 100).text("OPEN").instant(now).number(scanId).fields();
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
        if (fullRows) {
            findings.encoded(importFields);
        }
        long key = Fingerprints.key(row.fingerprint());
        findings.text(row.fingerprint()).number(key).text(f.severity().name()).text(f.title(), 500)
                .text(f.tool(), 100).text(f.ruleId(), 300).integers(f.cweIds())
                .text(row.classification().owaspCategory()).text(row.classification().sasId())
                .text(row.classification().practice()).text(row.controlId()).text(f.checkId(), 300)
                .text(f.filePath(), 1000).number(f.line()).text(f.resource(), 2048).text(f.packageName(), 300)
                .text(f.packageVersion(), 100).text(f.fixedVersion(), 300).texts(f.vulnerabilityIds(), 100)
                .text(f.description()).text(f.remediation()).texts(f.references(), 2000).text(f.toolIdentity(), 500)
                .bool(f.suppressed()).text(f.suppressionReason(), 2000)
                .text(f.secret() == null ? null : f.secret().masked(), 20)
                .text(f.secret() == null ? null : f.secret().sha256());
        if (fullRows) {
            findings.text(row.slaDays() == null ? null : slaDueAt.computeIfAbsent(row.slaDays(),
                    days -> now.plus(Duration.ofDays(days)).toString()));
        } else {
            findings.number(row.slaDays());
            identities.text(row.fingerprint()).number(key).text(f.severity().name()).text(f.title(), 500)
                    .bool(f.suppressed()).text(f.suppressionReason(), 2000);
            identities.endRow();
        }
        findings.endRow();
        if (f.checkId() != null) {
            check(row.controlId(), f.checkId(), f.resource(), false);
        }
        passOnWhenFull();
    }

    void passed(PassedCheck check, String controlId) {
        passed++;
        check(controlId, check.checkId(), check.resource(), true);
        passOnWhenFull();
    }

    /** Passes on the last rows and marks the end of the report. */
    void end() {
        if (findings.rows() > 0 || checks.rows() > 0) {
            passOn();
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

    /** A row of {@link BulkFindingWriter#CHECK_COLUMNS}: a control evaluation, passed or failed. */
    private void check(String controlId, String checkId, String resource, boolean passedCheck) {
        checks.text(controlId).text(checkId, 300).text(resource, 2048).bool(passedCheck);
        checks.endRow();
    }

    private void passOnWhenFull() {
        if (findings.rows() + checks.rows() >= chunkLimit) {
            passOn();
            chunkLimit = rowsPerChunk;
        }
    }

    private void passOn() {
        chunks.put(new StagedChunks.Chunk(findings.take(), identities.take(), checks.take()));
    }
}
