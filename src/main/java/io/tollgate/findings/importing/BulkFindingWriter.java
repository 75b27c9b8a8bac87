package io.tollgate.findings.importing;

import io.tollgate.findings.ScanMode;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.Severity;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The bulk path of an import, inside the import's transaction: parsed records are streamed with COPY into a
 * temporary staging table, then merged into the findings of the scan's component and tool with a few set-based
 * statements. Nothing is visible to others until the transaction commits, and a failure leaves nothing behind.
 */
final class BulkFindingWriter {

    private static final Logger LOG = Logger.getLogger(BulkFindingWriter.class);

    private static final String STAGING_TABLE = """
            CREATE TEMP TABLE import_staging (
                seq INT, kind CHAR(1), fingerprint TEXT, severity TEXT, title TEXT, reported_by TEXT, rule_id TEXT,
                cwe_ids INT[], owasp_category TEXT, sas_id TEXT, practice TEXT, control_id TEXT, check_id TEXT,
                file_path TEXT, line INT, resource TEXT, package_name TEXT, package_version TEXT, fixed_version TEXT,
                vulnerability_ids TEXT[], description TEXT, remediation TEXT, reference_urls TEXT[], tool_identity TEXT,
                suppressed BOOLEAN, suppression_reason TEXT, secret_masked TEXT, secret_hash TEXT, sla_days INT
            ) ON COMMIT DROP""";

    /** Findings fixed earlier and reported again: open again, counted as reopened. */
    private static final String REOPENED = """
            WITH reopened AS (
                UPDATE finding f SET status = 'OPEN', fixed_at = NULL, times_reopened = f.times_reopened + 1
                FROM import_staging i
                WHERE i.kind = 'F' AND f.component_id = ? AND f.tool = ? AND f.fingerprint = i.fingerprint
                  AND f.status = 'FIXED'
                RETURNING f.id)
            INSERT INTO finding_event (id, finding_id, scan_id, occurred_at, kind)
            SELECT nextval('finding_event_seq'), id, ?, ?, 'REOPENED' FROM reopened""";

    /** Every known finding the report names again: seen now, with what the tool says of it today. */
    private static final String SEEN_AGAIN = """
            UPDATE finding f SET last_seen_at = ?, last_scan_id = ?, severity = i.severity, title = i.title,
                suppressed = i.suppressed, suppression_reason = i.suppression_reason
            FROM import_staging i
            WHERE i.kind = 'F' AND f.component_id = ? AND f.tool = ? AND f.fingerprint = i.fingerprint""";

    /** New findings; their detection is their first_seen_at and first_scan_id, so no event row is written. */
    private static final String NEW_FINDINGS = """
            INSERT INTO finding (id, team_id, environment_id, component_id, tool, fingerprint, status, suppressed,
                suppression_reason, severity, title, reported_by, rule_id, cwe_ids, owasp_category, sas_id, practice,
                control_id, check_id, file_path, line, resource, package_name, package_version, fixed_version,
                vulnerability_ids, description, remediation, reference_urls, tool_identity, secret_masked, secret_hash,
                first_seen_at, last_seen_at, first_scan_id, last_scan_id, sla_due_at)
            SELECT nextval('finding_seq'), ?, ?, ?, ?, i.fingerprint, 'OPEN', i.suppressed, i.suppression_reason,
                i.severity, i.title, i.reported_by, i.rule_id, i.cwe_ids, i.owasp_category, i.sas_id, i.practice,
                i.control_id, i.check_id, i.file_path, i.line, i.resource, i.package_name, i.package_version,
                i.fixed_version, i.vulnerability_ids, i.description, i.remediation, i.reference_urls, i.tool_identity,
                i.secret_masked, i.secret_hash, ?, ?, ?, ?,
                CASE WHEN i.sla_days IS NULL THEN NULL ELSE ?::timestamptz + make_interval(days => i.sla_days) END
            FROM import_staging i
            WHERE i.kind = 'F' AND NOT EXISTS (SELECT 1 FROM finding f
                              WHERE f.component_id = ? AND f.tool = ? AND f.fingerprint = i.fingerprint)""";

    /** Open findings, and accepted risks (a waiver's end is then up to the gate), absent from a full scan. */
    private static final String FIXED = """
            WITH gone AS (
                UPDATE finding f SET status = 'FIXED', fixed_at = ?
                WHERE f.component_id = ? AND f.tool = ? AND f.status IN ('OPEN', 'RISK_ACCEPTED')
                  AND NOT EXISTS (SELECT 1 FROM import_staging i WHERE i.kind = 'F' AND i.fingerprint = f.fingerprint)
                RETURNING f.id)
            INSERT INTO finding_event (id, finding_id, scan_id, occurred_at, kind)
            SELECT nextval('finding_event_seq'), id, ?, ?, 'FIXED' FROM gone""";

    private static final String CONTROL_EVALUATIONS = """
            INSERT INTO control_evaluation (id, scan_id, team_id, environment_id, component_id, control_id, check_id,
                resource, passed, evaluated_at)
            SELECT nextval('control_evaluation_seq'), ?, ?, ?, ?, control_id, check_id, resource, kind = 'P', ?
            FROM import_staging WHERE kind = 'P' OR check_id IS NOT NULL""";

    private static final String OPEN_BY_SEVERITY = """
            SELECT severity, count(*) FROM finding
            WHERE component_id = ? AND tool = ? AND status = 'OPEN' AND NOT suppressed GROUP BY severity""";

    /** What an import changed. */
    record Outcome(int records, int newCount, int reopened, int fixed, int unchanged, int suppressed, int passedChecks,
                   int[] openBySeverity) {
    }

    private final Connection connection;
    private final ImportTarget target;
    private final long scanId;
    private final Timestamp now;
    private CopyRowWriter rows;
    private final FingerprintSet staged = new FingerprintSet();
    private int seq;
    private int passed;
    private int suppressed;

    BulkFindingWriter(Connection connection, ImportTarget target, long scanId, Instant now) {
        this.connection = connection;
        this.target = target;
        this.scanId = scanId;
        this.now = Timestamp.from(now);
    }

    void begin() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(STAGING_TABLE);
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY import_staging FROM STDIN WITH (FORMAT text)");
        rows = new CopyRowWriter(copy);
    }

    /** Stages a finding; one the report already named (same fingerprint) is counted once. */
    void finding(StagedRow row) throws SQLException {
        if (!staged.add(row.fingerprint())) {
            return;
        }
        NormalizedFinding f = row.finding();
        if (f.suppressed()) {
            suppressed++;
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
        rows.endRow();
    }

    void passed(PassedCheck check, String controlId) throws SQLException {
        passed++;
        rows.number(++seq).text("P").text(null).text(null).text(null).text(check.tool(), 100).text(null)
                .integers(List.of()).text(null).text(null).text(null).text(controlId).text(check.checkId(), 300)
                .text(null).number(null).text(check.resource(), 2048).text(null).text(null).text(null)
                .texts(List.of(), 1).text(null).text(null).texts(List.of(), 1).text(null)
                .bool(false).text(null).text(null).text(null).number(null);
        rows.endRow();
    }

    /** Ends the COPY and merges: seen again, reopened, new, fixed (full scans only), control evaluations. */
    Outcome finish(ScanMode mode) throws SQLException {
        long copied = System.nanoTime();
        rows.finish();
        LOG.debugf("%d ms: end of COPY", (System.nanoTime() - copied) / 1_000_000);
        try (Statement statement = connection.createStatement()) {
            // The findings just inserted by earlier imports may have no statistics yet: with an index on the
            // staging rows every plan stays an index lookup, never a scan per finding.
            statement.execute("CREATE INDEX ON import_staging (fingerprint)");
            statement.execute("ANALYZE import_staging");
        }
        int reopened = execute(REOPENED, target.componentId(), target.tool(), scanId, now);
        int seen = execute(SEEN_AGAIN, now, scanId, target.componentId(), target.tool());
        int created = execute(NEW_FINDINGS, target.teamId(), target.environmentId(), target.componentId(), target.tool(),
                now, now, scanId, scanId, now, target.componentId(), target.tool());
        int fixed = mode == ScanMode.FULL
                ? execute(FIXED, now, target.componentId(), target.tool(), scanId, now)
                : 0;
        execute(CONTROL_EVALUATIONS, scanId, target.teamId(), target.environmentId(), target.componentId(), now);
        return new Outcome(staged.size() + passed, created, reopened, fixed, seen - reopened, suppressed, passed, openBySeverity());
    }

    /** Stops a COPY in progress after a parse failure; the caller's rollback then discards the staging table. */
    void abandon() throws SQLException {
        if (rows != null) {
            rows.cancel();
        }
    }

    private int[] openBySeverity() throws SQLException {
        int[] counts = new int[Severity.values().length];
        try (PreparedStatement statement = connection.prepareStatement(OPEN_BY_SEVERITY)) {
            statement.setLong(1, target.componentId());
            statement.setString(2, target.tool());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    counts[Severity.valueOf(result.getString(1)).ordinal()] = result.getInt(2);
                }
            }
        }
        return counts;
    }

    private int execute(String sql, Object... parameters) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } finally {
            LOG.debugf("%d ms: %s", (System.nanoTime() - started) / 1_000_000, sql.lines().findFirst().orElse(sql));
        }
    }
}
