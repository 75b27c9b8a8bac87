package io.tollgate.findings.importing;

import io.tollgate.findings.ScanMode;
import io.tollgate.findings.parsers.Severity;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bulk path of an import, inside the import's transaction. The first report of a component and tool is all new:
 * its chunks are copied straight into the findings. Otherwise each chunk's identity rows are copied into a temporary
 * table and compared with the known findings of the component and tool, its full rows staged only for the new ones,
 * and the chunk is merged with a few set-based statements; after the last chunk, a full scan fixes what it no longer
 * names. Nothing is visible to others until the transaction commits, and a
 * failure leaves nothing behind.
 */
final class BulkFindingWriter {

    private static final Logger LOG = Logger.getLogger(BulkFindingWriter.class);

    /**
     * The columns of a finding row that a first import copies straight into the findings ({@link StagingRows} encodes
     * it); the database gives the id.
     */
    static final String FINDING_COLUMNS = """
            team_id, environment_id, component_id, tool, status, first_seen_at, first_scan_id, fingerprint, fingerprint_key,
            severity, title, reported_by, rule_id, cwe_ids, owasp_category, sas_id, practice, control_id, check_id,
            file_path, line, resource, package_name, package_version, fixed_version, vulnerability_ids, description,
            remediation, reference_urls, tool_identity, suppressed, suppression_reason, secret_masked, secret_hash,
            sla_due_at""";

    /**
     * What the tool says of a finding: the part of {@link #FINDING_COLUMNS} that differs between findings. A staged
     * row holds these and then the SLA in days; what all findings of the import share is added when they are new.
     */
    static final String REPORTED_COLUMNS = """
            fingerprint, fingerprint_key, severity, title, reported_by, rule_id, cwe_ids, owasp_category, sas_id, practice,
            control_id, check_id, file_path, line, resource, package_name, package_version, fixed_version,
            vulnerability_ids, description, remediation, reference_urls, tool_identity, suppressed, suppression_reason,
            secret_masked, secret_hash""";

    /**
     * What a staged finding is recognised and compared by, in a narrow row of its own: a chunk whose findings are all
     * known needs nothing else, and its full rows are not copied.
     */
    static final String IDENTITY_COLUMNS = "fingerprint, fingerprint_key, severity, title, suppressed, suppression_reason";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String IDENTITY_INDEX = "finding_identity";

    /** The columns of a check row: a control evaluation, passed or failed. */
    static final String CHECK_COLUMNS = "control_id, check_id, resource, passed";

    private static final String STAGING_TABLE = """
            CREATE TEMP TABLE import_staging (
                fingerprint TEXT, fingerprint_key BIGINT, severity TEXT, title TEXT, reported_by TEXT, rule_id TEXT,
                cwe_ids INT[], owasp_category TEXT, sas_id TEXT, practice TEXT, control_id TEXT, check_id TEXT, file_path TEXT, line INT,
                resource TEXT, package_name TEXT, package_version TEXT, fixed_version TEXT, vulnerability_ids TEXT[],
                description TEXT, remediation TEXT, reference_urls TEXT[], tool_identity TEXT, suppressed BOOLEAN,
                suppression_reason TEXT, secret_masked TEXT, secret_hash TEXT, sla_days INT
            ) ON COMMIT DROP""";

    private static final String IDENTITY_TABLE = """
            CREATE TEMP TABLE import_identity (
                fingerprint TEXT, fingerprint_key BIGINT, severity TEXT, title TEXT, suppressed BOOLEAN, suppression_reason TEXT
            ) ON COMMIT DROP""";

    private static final String CHECKS_TABLE = """
            CREATE TEMP TABLE import_checks (control_id TEXT, check_id TEXT, resource TEXT, passed BOOLEAN) ON COMMIT DROP""";

    /** Imports of one component and tool wait for each other: each compares the report with what the last left. */
    private static final String ONE_IMPORT_AT_A_TIME = "SELECT pg_advisory_xact_lock(hashtextextended('import:' || ? || '/' || ?, 0))";

    /**
     * The findings of the component and tool that the report names again, looked up once, with whether what the
     * tool says of them changed. The lateral subquery (kept apart by its LIMIT) makes every staged row one probe
     * of the finding's unique index (component, fingerprint key, tool), whatever the planner believes of tables that
     * have just grown; the full fingerprint is compared on the row. What the tool now says is kept for the changed
     * findings only, which are usually none.
     */
    private static final String KNOWN_TABLE = """
            CREATE TEMP TABLE import_known (
                fingerprint TEXT, finding_id BIGINT, status TEXT, changed BOOLEAN, severity TEXT, title TEXT,
                suppressed BOOLEAN, suppression_reason TEXT
            ) ON COMMIT DROP""";

    private static final String KNOWN = """
            INSERT INTO import_known
            SELECT i.fingerprint, f.id, f.status, f.changed, CASE WHEN f.changed THEN i.severity END,
                CASE WHEN f.changed THEN i.title END, CASE WHEN f.changed THEN i.suppressed END,
                CASE WHEN f.changed THEN i.suppression_reason END
            FROM import_identity i
            CROSS JOIN LATERAL (
                SELECT id, status, severity IS DISTINCT FROM i.severity OR title IS DISTINCT FROM i.title
                           OR suppressed IS DISTINCT FROM i.suppressed
                           OR suppression_reason IS DISTINCT FROM i.suppression_reason AS changed
                FROM finding
                WHERE component_id = ? AND fingerprint_key = i.fingerprint_key AND tool = ? AND fingerprint = i.fingerprint
                LIMIT 1) f""";

    /** Findings fixed earlier and reported again: open again, counted as reopened. */
    private static final String REOPENED = """
            WITH reopened AS (
                UPDATE finding f SET status = 'OPEN', fixed_at = NULL, times_reopened = f.times_reopened + 1
                FROM import_known k
                WHERE k.status = 'FIXED' AND f.id = k.finding_id
                RETURNING f.id)
            INSERT INTO finding_event (id, finding_id, scan_id, occurred_at, kind)
            SELECT nextval('finding_event_seq'), id, ?, ?, 'REOPENED' FROM reopened""";

    /** Known findings of which the tool now says something else: its severity, title or suppression today. */
    private static final String CHANGED = """
            UPDATE finding f SET severity = k.severity, title = k.title, suppressed = k.suppressed,
                suppression_reason = k.suppression_reason
            FROM import_known k
            WHERE k.changed AND f.id = k.finding_id""";

    /**
     * Every known finding the report names again is seen now, by this scan: its sighting row is written the first time
     * a scan after its detection reports it, and updated after that.
     */
    private static final String SEEN_AGAIN = """
            INSERT INTO finding_sighting (finding_id, last_seen_at, last_scan_id)
            SELECT finding_id, ?, ? FROM import_known
            ON CONFLICT (finding_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, last_scan_id = excluded.last_scan_id""";

    /**
     * New findings; their detection is their first_seen_at and first_scan_id, which are also their last sighting until
     * a later scan reports them: no event or sighting row is written.
     */
    private static final String NEW_FINDINGS = "INSERT INTO finding (" + FINDING_COLUMNS + ") SELECT ?, ?, ?, ?, 'OPEN', ?, ?, "
            + REPORTED_COLUMNS + ", ?::timestamptz + make_interval(hours => 24 * sla_days) FROM import_staging i"
            + " WHERE NOT EXISTS (SELECT 1 FROM import_known k WHERE k.fingerprint = i.fingerprint)";

    /**
     * Open findings, and accepted risks (a waiver's end is then up to the gate), that a full scan did not name.
     * Every finding the report named now has this scan as its last (the sighting, or the detection of a new one), so
     * the absent ones are those last seen by an earlier scan: no comparison with the staged rows is needed.
     */
    private static final String FIXED = """
            WITH gone AS (
                UPDATE finding f SET status = 'FIXED', fixed_at = ?
                WHERE f.component_id = ? AND f.tool = ? AND f.status IN ('OPEN', 'RISK_ACCEPTED')
                  AND f.first_scan_id <> ?
                  AND NOT EXISTS (SELECT 1 FROM finding_sighting s WHERE s.finding_id = f.id AND s.last_scan_id = ?)
                RETURNING f.id)
            INSERT INTO finding_event (id, finding_id, scan_id, occurred_at, kind)
            SELECT nextval('finding_event_seq'), id, ?, ?, 'FIXED' FROM gone""";

    private static final String CONTROL_EVALUATIONS = """
            INSERT INTO control_evaluation (id, scan_id, team_id, environment_id, component_id, control_id, check_id,
                resource, passed, evaluated_at)
            SELECT nextval('control_evaluation_seq'), ?, ?, ?, ?, control_id, check_id, resource, passed, ?
            FROM import_checks""";

    private static final String ANY_FINDING = "SELECT EXISTS (SELECT 1 FROM finding WHERE component_id = ? AND tool = ?)";

    /**
     * The known findings of a chunk: how many; those open or accepted once it is merged (all but false positives);
     * those to reopen; those the tool now describes differently.
     */
    private static final String KNOWN_COUNTS = """
            SELECT count(*), count(*) FILTER (WHERE status <> 'FALSE_POSITIVE'), count(*) FILTER (WHERE status = 'FIXED'),
                count(*) FILTER (WHERE changed)
            FROM import_known""";

    /**
     * One row: the open, unsuppressed findings of each severity (in the order of {@link Severity}), then all that are
     * open or accepted (what a full scan can fix). Counted in one pass without grouping, which would sort every
     * finding of the component by severity first.
     */
    private static final String OPEN_BY_SEVERITY = "SELECT " + Arrays.stream(Severity.values())
            .map(severity -> "count(*) FILTER (WHERE status = 'OPEN' AND NOT suppressed AND severity = '" + severity + "'), ")
            .collect(Collectors.joining())
            + "count(*) FROM finding WHERE component_id = ? AND tool = ? AND status IN ('OPEN', 'RISK_ACCEPTED')";

    /**
     * The statements that read every finding of the component and tool (the open counts and the fixing pass) are
     * planned without plain index scans. Through the identity index, findings come in the order of their fingerprints,
     * each on a heap page of its own; a bitmap scan visits the pages in the table's order. Without statistics on a
     * table that has just grown, the planner would take the index scan; for a component of 3,000,000 findings it
     * cost 7.2 s against 1.4 s for the counts, and 28 s against 4.9 s for a fixing pass (docs/performance.md).
     */
    private static final String PLAN_WHOLE_COMPONENT_READS = "SET LOCAL enable_indexscan = off";
    private static final String PLAN_AS_CONFIGURED = "SET LOCAL enable_indexscan TO DEFAULT";

    /** What an import changed. */
    record Outcome(int records, int newCount, int reopened, int fixed, int unchanged, int suppressed, int passedChecks,
                   int[] openBySeverity) {
    }

    private final Connection connection;
    private final CopyManager copies;
    private final ImportTarget target;
    private final long scanId;
    private final Timestamp now;
    private int reopened;
    private int seen;
    private int created;
    private int namedOpen;
    private boolean hadFindings;

    BulkFindingWriter(Connection connection, ImportTarget target, long scanId, Instant now) throws SQLException {
        this.connection = connection;
        this.copies = connection.unwrap(PGConnection.class).getCopyAPI();
        this.target = target;
        this.scanId = scanId;
        this.now = Timestamp.from(now);
    }

    /** Waits for an earlier import of the component and tool to end, then sees whether this is its first report. */
    void begin() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(ONE_IMPORT_AT_A_TIME)) {
            lock.setLong(1, target.componentId());
            lock.setString(2, target.tool());
            lock.execute();
        }
        try (PreparedStatement statement = connection.prepareStatement(ANY_FINDING)) {
            statement.setLong(1, target.componentId());
            statement.setString(2, target.tool());
            try (ResultSet result = statement.executeQuery()) {
                hadFindings = result.next() && result.getBoolean(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(CHECKS_TABLE);
            if (hadFindings) {
                statement.execute(IDENTITY_TABLE);
                statement.execute(STAGING_TABLE);
                statement.execute(KNOWN_TABLE);
            }
        }
    }

    /** Whether the report's findings are all new, and copied straight into the findings in full rows. */
    boolean copiesStraightIntoFindings() {
        return !hadFindings;
    }

    /**
     * Writes one chunk. In the first report of a component and tool every finding is new (the report names each
     * fingerprint once): the rows go straight into the findings. Otherwise they are staged and merged: reopened,
     * changed, seen again, new. Check results become control evaluations either way.
     */
    void merge(StagedChunks.Chunk chunk) throws SQLException {
        if (chunk.findings().count() > 0 && hadFindings) {
            mergeStaged(chunk.identities(), chunk.findings());
        } else if (chunk.findings().count() > 0) {
            created += copy("finding", " (" + FINDING_COLUMNS + ")", chunk.findings());
            namedOpen += chunk.findings().count();
        }
        if (chunk.checks().count() > 0) {
            truncate("import_checks");
            copy("import_checks", "", chunk.checks());
            execute(CONTROL_EVALUATIONS, scanId, target.teamId(), target.environmentId(), target.componentId(), now);
        }
    }

    /** Counts of the known findings of a chunk; see {@link #KNOWN_COUNTS}. */
    private record KnownCounts(int known, int stillOpen, int toReopen, int changed) {
    }

    /**
     * Merges one staged chunk: its identity rows are compared with the known findings, and its full rows are copied
     * only when some findings are new. A re-import of an unchanged report finds every finding known, none fixed and
     * none changed: only the sightings are written, and the statements for the other cases are not run.
     */
    private void mergeStaged(CopyRowWriter.Rows identities, CopyRowWriter.Rows findings) throws SQLException {
        truncate("import_identity, import_known");
        copy("import_identity", " (" + IDENTITY_COLUMNS + ")", identities);
        execute(KNOWN, target.componentId(), target.tool());
        KnownCounts known = knownCounts();
        namedOpen += known.stillOpen();
        if (known.toReopen() > 0) {
            reopened += execute(REOPENED, scanId, now);
        }
        if (known.changed() > 0) {
            execute(CHANGED);
        }
        seen += execute(SEEN_AGAIN, now, scanId);
        if (known.known() < findings.count()) {
            truncate("import_staging");
            copy("import_staging", "", findings);
            int createdNow = execute(NEW_FINDINGS, target.teamId(), target.environmentId(), target.componentId(),
                    target.tool(), now, scanId, now);
            created += createdNow;
            namedOpen += createdNow;
        }
    }

    private KnownCounts knownCounts() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(KNOWN_COUNTS)) {
            result.next();
            return new KnownCounts(result.getInt(1), result.getInt(2), result.getInt(3), result.getInt(4));
        }
    }

    /**
     * After the last chunk: fixes what a full scan no longer names and counts what is open. When every open or
     * accepted finding of the component and tool is one the report named (the counts agree), there is nothing to
     * fix and the findings are not read a second time. The first report of a component and tool has nothing to fix,
     * and what is open is what it reported, so it reads no findings at all.
     */
    Outcome finish(ScanMode mode, StagingRows.Counts counts) throws SQLException {
        if (!hadFindings) {
            return outcome(counts, 0, counts.unsuppressedBySeverity());
        }
        execute(PLAN_WHOLE_COMPONENT_READS);
        OpenFindings open = openFindings();
        int fixed = 0;
        if (mode == ScanMode.FULL && open.openOrAccepted() > namedOpen) {
            fixed = execute(FIXED, now, target.componentId(), target.tool(), scanId, scanId, scanId, now);
            open = openFindings();
        }
        execute(PLAN_AS_CONFIGURED);
        return outcome(counts, fixed, open.bySeverity());
    }

    private Outcome outcome(StagingRows.Counts counts, int fixed, int[] openBySeverity) {
        return new Outcome(counts.findings() + counts.passedChecks(), created, reopened, fixed, seen - reopened,
                counts.suppressed(), counts.passedChecks(), openBySeverity);
    }

    /** Open, unsuppressed findings by severity (index: the severity's ordinal), and all open or accepted ones. */
    private record OpenFindings(int[] bySeverity, int openOrAccepted) {
    }

    private OpenFindings openFindings() throws SQLException {
        long started = System.nanoTime();
        int[] bySeverity = new int[Severity.values().length];
        try (PreparedStatement statement = connection.prepareStatement(OPEN_BY_SEVERITY)) {
            statement.setLong(1, target.componentId());
            statement.setString(2, target.tool());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                for (int severity = 0; severity < bySeverity.length; severity++) {
                    bySeverity[severity] = result.getInt(severity + 1);
                }
                return new OpenFindings(bySeverity, result.getInt(bySeverity.length + 1));
            }
        } finally {
            LOG.debugf("%d ms: open findings counted", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void truncate(String tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + tables);
        }
    }

    /**
     * Whether a write failed on the findings' identity index while the fingerprints differ: two fingerprints of one
     * component and tool that share their first 64 bits (migration V17). Known findings are matched on the whole
     * fingerprint, so the same fingerprint never reaches the index twice.
     */
    static boolean isFingerprintKeyClash(SQLException e) {
        return e instanceof PSQLException error && UNIQUE_VIOLATION.equals(error.getSQLState())
                && error.getServerErrorMessage() != null
                && IDENTITY_INDEX.equals(error.getServerErrorMessage().getConstraint());
    }

    /** Copies rows in COPY text format into a table ({@code columns}: its column list, or empty for all). */
    private int copy(String table, String columns, CopyRowWriter.Rows rows) throws SQLException {
        long started = System.nanoTime();
        CopyIn copy = copies.copyIn("COPY " + table + columns + " FROM STDIN WITH (FORMAT text)");
        try {
            rows.writeTo(copy);
            long written = copy.endCopy();
            LOG.debugf("%d ms: COPY of %d rows into %s", (System.nanoTime() - started) / 1_000_000, rows.count(), table);
            return Math.toIntExact(written);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
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
