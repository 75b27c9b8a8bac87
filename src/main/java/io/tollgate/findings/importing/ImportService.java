package io.tollgate.findings.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tollgate.controls.Control;
import io.tollgate.controls.ControlCatalog;
import io.tollgate.findings.Scan;
import io.tollgate.findings.ScanMode;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ParserRegistry;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.org.Component;
import io.tollgate.org.Environment;
import io.tollgate.org.Membership;
import io.tollgate.org.Team;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.security.Viewer;
import io.tollgate.training.catalog.Classification;
import io.tollgate.training.catalog.TrainingCatalog;
import io.tollgate.platform.TeamInputsChanged;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Imports one report: checks who may upload to which team, environment and component, recognises the format,
 * streams the parser's records into the database and merges them into the findings' lifecycles, all in one
 * transaction. A refused report changes nothing and is recorded in the scan history with its error.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** Where a report goes and what it is. Tool and format are optional: the format is detected from the content. */
    public record ImportRequest(String team, String environment, String component, String tool, String format,
                                ScanMode mode, String commit, String branch, String pipelineUrl, String fileName) {
    }

    /** What an import did, as the API and the scan history show it. */
    public record ImportSummary(long scanId, String format, String tool, ScanMode mode, int records, int newCount,
                                int reopened, int fixed, int unchanged, int suppressed, int passedChecks,
                                Map<Severity, Integer> openBySeverity) {
    }

    /** Chunks parsed ahead of the database; with the one in each hand, at most four chunks are held. */
    private static final int CHUNKS_WAITING = 2;

    /**
     * A source that hands its records to the sink itself instead of being parsed from bytes, such as Tollgate's own
     * account collector. Throwing discards everything it handed over.
     */
    @FunctionalInterface
    public interface ReportProducer {
        void produce(ReportSink sink) throws ReportFormatException;
    }

    /** A report Tollgate collected itself for a registered component, e.g. an AWS account. */
    public record CollectedReport(long componentId, String tool, String format, ScanMode mode, String collectedBy) {
    }

    private final ParserRegistry parsers;
    private final TrainingCatalog catalog;
    private final ControlCatalog controls;
    private final FindingsConfig config;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Event<TeamInputsChanged> changed;
    private final ExecutorService parsing = Executors.newCachedThreadPool(new ParsingThreads());

    ImportService(ParserRegistry parsers, TrainingCatalog catalog, ControlCatalog controls, FindingsConfig config,
                  AgroalDataSource dataSource, Clock clock, Event<TeamInputsChanged> changed) {
        this.parsers = parsers;
        this.catalog = catalog;
        this.controls = controls;
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
        this.changed = changed;
    }

    @PreDestroy
    void stopParsing() {
        parsing.shutdownNow();
    }

    /** Resolved ids of where the report goes. */
    private record Destination(long teamId, long environmentId, long componentId) {
    }

    public ImportSummary importReport(Viewer uploader, ImportRequest request, InputStream body) {
        Instant started = Instant.now(clock);
        Destination destination = QuarkusTransaction.requiringNew().call(() -> resolve(uploader, request));
        ScanMode mode = request.mode() == null ? ScanMode.FULL : request.mode();
        ReportStreams.Upload upload = new ReportStreams.Upload(body, ReportStreams.Limits.of(config));
        ReportParser parser = null;
        try {
            BufferedInputStream report = upload.open();
            ReportSample sample = ReportStreams.sample(report, request.fileName());
            parser = choose(request.format(), sample, uploader, request, destination, mode, started, upload);
            String tool = request.tool() == null || request.tool().isBlank() ? parser.id() : request.tool().strip();
            ImportTarget target = new ImportTarget(destination.teamId(), destination.environmentId(), destination.componentId(), tool);
            ReportParser chosen = parser;
            return QuarkusTransaction.requiringNew().timeout((int) config.importTimeout().toSeconds()).call(() -> importInTransaction(
                    uploader.email(), request, mode, target, chosen.id(), sink -> chosen.parse(report, sink), upload::bytes, started));
        } catch (ImportFailure failure) {
            throw refuse(failure.error, parser, uploader, request, destination, mode, started, upload);
        } catch (IOException e) {
            throw refuse(new ReportFormatException(parser == null ? "unknown" : parser.id(), null,
                    "the upload could not be read: " + e.getMessage(), e), parser, uploader, request, destination, mode, started, upload);
        }
    }

    /**
     * Imports what Tollgate collected itself into a registered component, with the same fingerprints, lifecycle and
     * control evaluations as an uploaded report. No person uploads it, so no membership is checked.
     */
    public ImportSummary importCollected(CollectedReport report, ReportProducer producer) {
        Instant started = Instant.now(clock);
        Component component = QuarkusTransaction.requiringNew().call(() -> Component.withTeamAndEnvironment(report.componentId())
                .orElseThrow(() -> new NotFoundException("Component", String.valueOf(report.componentId()))));
        ImportRequest request = new ImportRequest(component.team.slug, component.environment.key, component.key, report.tool(),
                report.format(), report.mode(), null, null, null, null);
        ImportTarget target = new ImportTarget(component.team.id, component.environment.id, component.id, report.tool());
        try {
            return QuarkusTransaction.requiringNew().timeout((int) config.importTimeout().toSeconds()).call(() -> importInTransaction(
                    report.collectedBy(), request, report.mode(), target, report.format(), producer, () -> 0, started));
        } catch (ImportFailure failure) {
            throw new IllegalStateException("The collected report could not be read: " + failure.error.reason(), failure.error);
        }
    }

    private Destination resolve(Viewer uploader, ImportRequest request) {
        Team team = Team.findBySlug(required(request.team(), "team"))
                .orElseThrow(() -> new NotFoundException("Team", request.team()));
        if (!uploader.isSecurityAdmin() && !Membership.isMember(team.id, uploader.personId())) {
            if (!uploader.readsAllTeams()) {
                throw new NotFoundException("Team", request.team());
            }
            throw new ForbiddenException("Only the team's members and security admins upload scans");
        }
        Environment environment = Environment.findByKey(required(request.environment(), "environment"))
                .orElseThrow(() -> new InvalidInputException("environment", "no environment '" + request.environment() + "'"));
        String key = componentKey(required(request.component(), "component"));
        if (key.length() > Component.KEY_LENGTH) {
            throw new InvalidInputException("component", "is " + key.length() + " characters long with its prefix; at most "
                    + Component.KEY_LENGTH + " are kept");
        }
        Component component = Component.find(team, environment, key).orElseGet(() -> {
            if (!key.startsWith(Component.Kind.REPOSITORY.keyPrefix)) {
                throw new InvalidInputException("component", "'" + key + "' is not a registered account of " + team.slug
                        + " in " + environment.key + "; register the account first");
            }
            return Component.repository(team, environment, key, Instant.now(clock));
        });
        return new Destination(team.id, environment.id, component.id);
    }

    private ReportParser choose(String format, ReportSample sample, Viewer uploader, ImportRequest request,
                                Destination destination, ScanMode mode, Instant started, ReportStreams.Upload upload) {
        if (sample.head().isBlank()) {
            // A tool that wrote nothing failed; read as "no findings" it would close every open finding.
            long scanId = recordRefused(uploader, request, destination, mode, format, null, "the report is empty", started,
                    upload.bytes());
            throw new ReportRefusedException(422, format, null, "the report is empty; a scanner that found nothing still"
                    + " writes a report with no results", scanId, parsers.ids());
        }
        if (format != null && !format.isBlank()) {
            return parsers.byId(format).orElseThrow(() -> new ReportRefusedException(400, format, null,
                    "unknown format '" + format + "'; supported formats: " + String.join(", ", parsers.ids()), null, parsers.ids()));
        }
        Optional<ReportParser> detected = parsers.detect(sample);
        if (detected.isEmpty()) {
            long scanId = recordRefused(uploader, request, destination, mode, null, null, "the format was not recognised",
                    started, upload.bytes());
            throw new ReportRefusedException(415, null, null, "the format of the report was not recognised; name it with"
                    + " the format parameter, one of: " + String.join(", ", parsers.ids()), scanId, parsers.ids());
        }
        return detected.get();
    }

    private ImportSummary importInTransaction(String uploadedBy, ImportRequest request, ScanMode mode, ImportTarget target,
                                              String format, ReportProducer producer, LongSupplier bytes, Instant started) {
        Scan scan = newScan(uploadedBy, request, mode, target.tool(), format, started, target.teamId(),
                target.environmentId(), target.componentId());
        scan.persistAndFlush();
        try (Connection connection = dataSource.getConnection()) {
            LOG.debugf("Import of scan %s into component %s started", scan.id, Long.valueOf(target.componentId()));
            BulkFindingWriter writer = new BulkFindingWriter(connection, target, scan.id, started);
            writer.begin();
            StagedChunks chunks = new StagedChunks(CHUNKS_WAITING);
            StagingRows rows = new StagingRows(chunks, config.importChunkRows(), writer.copiesStraightIntoFindings(), target,
                    scan.id, started);
            parsing.execute(() -> parse(format, producer, rows, chunks));
            try {
                for (StagedChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                    writer.merge(chunk);
                }
            } catch (RuntimeException | SQLException e) {
                chunks.abandon();
                throw e;
            } catch (InterruptedException e) {
                chunks.abandon();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted", e);
            }
            BulkFindingWriter.Outcome outcome = writer.finish(mode, rows.counts());
            scan.outcome = Scan.Outcome.IMPORTED;
            scan.bytes = bytes.getAsLong();
            scan.durationMs = java.time.Duration.between(started, Instant.now(clock)).toMillis();
            scan.records = outcome.records();
            scan.newCount = outcome.newCount();
            scan.reopenedCount = outcome.reopened();
            scan.fixedCount = outcome.fixed();
            scan.unchangedCount = outcome.unchanged();
            scan.suppressedCount = outcome.suppressed();
            scan.passedChecks = outcome.passedChecks();
            int[] open = outcome.openBySeverity();
            scan.openCritical = open[Severity.CRITICAL.ordinal()];
            scan.openHigh = open[Severity.HIGH.ordinal()];
            scan.openMedium = open[Severity.MEDIUM.ordinal()];
            scan.openLow = open[Severity.LOW.ordinal()];
            scan.openInfo = open[Severity.INFO.ordinal()];
            LOG.debugf("Import of scan %s merged, %d ms after it was received", scan.id, scan.durationMs);
            changed.fire(new TeamInputsChanged(Set.of(target.teamId()), target.environmentId(), "IMPORT"));
            return summary(scan);
        } catch (SQLException e) {
            if (BulkFindingWriter.isFingerprintKeyClash(e)) {
                throw new ImportFailure(new ReportFormatException(format, null, "two different findings of this component and tool ("
                        + target.tool() + ") have fingerprints that begin with the same 16 hexadecimal digits, which "
                        + "Tollgate uses to tell findings apart; it cannot keep both", e));
            }
            throw new IllegalStateException("The import could not be written", e);
        }
    }

    /** Runs on a parsing thread: turns the whole report into staging rows, or hands over why it could not. */
    private void parse(String format, ReportProducer producer, StagingRows rows, StagedChunks chunks) {
        try {
            producer.produce(new Staging(rows));
            rows.end();
        } catch (StagedChunks.Abandoned e) {
            LOG.debug("Parsing stopped: the import was abandoned");
        } catch (TooManyFindings e) {
            chunks.fail(new ImportFailure(new ReportFormatException(format, null, e.getCause().getMessage(), e.getCause())));
        } catch (ReportFormatException e) {
            chunks.fail(new ImportFailure(e));
        } catch (RuntimeException e) {
            chunks.fail(e);
        } catch (Error e) {
            chunks.fail(new IllegalStateException("The report could not be parsed", e));
        }
    }

    private record ClassificationKey(List<Integer> cweIds, String practice) {
    }

    /** Hands parsed records to the staging rows, adding fingerprint, classification, control and SLA. */
    private final class Staging implements ReportSink {
        private final StagingRows rows;
        /** Reports repeat a handful of CWE and practice combinations: each is classified once per import. */
        private final Map<ClassificationKey, Classification> classifications = new HashMap<>();

        Staging(StagingRows rows) {
            this.rows = rows;
        }

        private long findings;

        @Override
        public void finding(NormalizedFinding finding) {
            if (++findings > config.maxFindingsPerReport()) {
                throw new TooManyFindings(config.maxFindingsPerReport());
            }
            Optional<Control> control = controls.forCheck(finding.checkId());
            String practice = control.map(Control::practice).orElse(null);
            Classification classification = classifications.computeIfAbsent(new ClassificationKey(finding.cweIds(), practice),
                    k -> catalog.classify(finding.cweIds(), practice));
            rows.finding(new StagedRow(finding, Fingerprints.of(finding), classification,
                    control.map(Control::id).orElse(null), config.sla().days(finding.severity()).orElse(null)));
        }

        @Override
        public void passed(PassedCheck check) {
            rows.passed(check, controls.forCheck(check.checkId()).map(Control::id).orElse(null));
        }
    }

    private ReportRefusedException refuse(ReportFormatException error, ReportParser parser, Viewer uploader,
                                          ImportRequest request, Destination destination, ScanMode mode, Instant started,
                                          ReportStreams.Upload upload) {
        Optional<String> bound = ReportStreams.tooLarge(error);
        boolean tooLarge = bound.isPresent();
        String reason = bound.orElse(error.reason());
        long scanId = recordRefused(uploader, request, destination, mode, parser == null ? null : parser.id(),
                tooLarge ? null : error.position(), reason, started, upload.bytes());
        return new ReportRefusedException(tooLarge ? 413 : 422, error.format(), tooLarge ? null : error.position(), reason,
                scanId, parsers.ids());
    }

    private long recordRefused(Viewer uploader, ImportRequest request, Destination destination, ScanMode mode,
                               String format, String position, String reason, Instant started, long bytes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String tool = request.tool() == null || request.tool().isBlank() ? (format == null ? "unknown" : format) : request.tool().strip();
            Scan scan = newScan(uploader.email(), request, mode, tool, format, started, destination.teamId(),
                    destination.environmentId(), destination.componentId());
            scan.outcome = Scan.Outcome.REFUSED;
            scan.errorPosition = position;
            scan.errorReason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
            scan.bytes = bytes;
            scan.durationMs = java.time.Duration.between(started, Instant.now(clock)).toMillis();
            scan.persist();
            return scan.id;
        });
    }

    private static Scan newScan(String uploadedBy, ImportRequest request, ScanMode mode, String tool, String format,
                                Instant started, long teamId, long environmentId, long componentId) {
        Scan scan = new Scan();
        EntityManager entities = Scan.getEntityManager();
        scan.team = entities.getReference(Team.class, teamId);
        scan.environment = entities.getReference(Environment.class, environmentId);
        scan.component = entities.getReference(Component.class, componentId);
        scan.tool = tool;
        scan.format = format;
        scan.mode = mode;
        scan.commitSha = trim(request.commit(), 64);
        scan.branch = trim(request.branch(), 255);
        scan.pipelineUrl = trim(request.pipelineUrl(), 2048);
        scan.fileName = trim(request.fileName(), 255);
        scan.uploadedBy = uploadedBy;
        scan.receivedAt = started;
        scan.outcome = Scan.Outcome.IMPORTED;
        return scan;
    }

    private static ImportSummary summary(Scan scan) {
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        open.put(Severity.CRITICAL, scan.openCritical);
        open.put(Severity.HIGH, scan.openHigh);
        open.put(Severity.MEDIUM, scan.openMedium);
        open.put(Severity.LOW, scan.openLow);
        open.put(Severity.INFO, scan.openInfo);
        return new ImportSummary(scan.id, scan.format, scan.tool, scan.mode, scan.records, scan.newCount, scan.reopenedCount,
                scan.fixedCount, scan.unchangedCount, scan.suppressedCount, scan.passedChecks, open);
    }

    private static String componentKey(String component) {
        String key = component.strip();
        return key.startsWith(Component.Kind.REPOSITORY.keyPrefix) || key.startsWith(Component.Kind.ACCOUNT.keyPrefix)
                ? key : key.matches("\\d{12}") ? Component.Kind.ACCOUNT.keyPrefix + key : Component.Kind.REPOSITORY.keyPrefix + key;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value.strip();
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() > max ? value.substring(0, max) : value.strip();
    }

    /** Parsing threads are named for thread dumps and never keep the process alive. */
    private static final class ParsingThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "report-parser-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** A report with more findings than an import holds: refused like one too large. */
    private static final class TooManyFindings extends RuntimeException {
        TooManyFindings(long limit) {
            super(new ReportStreams.TooLargeException("the report holds more than " + limit + " findings, the limit of one import"));
        }
    }

    /** Carries a parse failure out of the transaction, which rolls back. */
    private static final class ImportFailure extends RuntimeException {
        private final ReportFormatException error;

        ImportFailure(ReportFormatException error) {
            super(error);
            this.error = error;
        }
    }
}
