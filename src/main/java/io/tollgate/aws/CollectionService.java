package io.tollgate.aws;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.tollgate.audit.AuditLog;
import io.tollgate.aws.collector.AccountCollector;
import io.tollgate.aws.collector.AccountSession;
import io.tollgate.aws.collector.AwsClients;
import io.tollgate.aws.collector.CheckOutcome;
import io.tollgate.aws.collector.CheckResult;
import io.tollgate.aws.collector.Evaluations;
import io.tollgate.aws.collector.SecurityHubFindings;
import io.tollgate.findings.ScanMode;
import io.tollgate.findings.importing.ImportService;
import io.tollgate.findings.importing.ImportService.CollectedReport;
import io.tollgate.findings.parsers.ParserRegistry;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.org.AwsAccount;
import io.tollgate.org.Component;
import io.tollgate.org.Membership;
import io.tollgate.org.service.AccountService;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Collections of AWS accounts by Tollgate's own checks: queues them (one active run per account), runs them through
 * the {@link AccountCollector}, records each step's check outcomes as they finish, and hands the results and the
 * account's Security Hub findings to the import engine as scans of the account's component.
 */
@ApplicationScoped
public class CollectionService {

    private static final Logger LOG = Logger.getLogger(CollectionService.class);
    private static final String SCHEDULER = "scheduler";

    /** A run with its checks, as the API and the run's page show it. */
    public record RunDetail(CollectionRun run, List<CollectionCheck> checks) {
    }

    /** What a run needs once it has left the transaction that started it. */
    private record Work(long runId, String accountId, long componentId, String roleArn, String externalId, String requestedBy) {
    }

    private final AccountService accounts;
    private final AccountCollector collector;
    private final SecurityHubFindings securityHub;
    private final AwsClients clients;
    private final ImportService imports;
    private final ReportParser asff;
    private final AwsConfig config;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final AuditLog audit;
    private volatile boolean stopping;

    CollectionService(AccountService accounts, AccountCollector collector, SecurityHubFindings securityHub, AwsClients clients,
                      ImportService imports, ParserRegistry parsers, AwsConfig config, ManagedExecutor executor, Clock clock,
                      AuditLog audit) {
        this.accounts = accounts;
        this.collector = collector;
        this.securityHub = securityHub;
        this.clients = clients;
        this.imports = imports;
        this.asff = parsers.byId("asff").orElseThrow(() -> new IllegalStateException("the ASFF parser is missing"));
        this.config = config;
        this.executor = executor;
        this.clock = clock;
        this.audit = audit;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Whether the viewer may press "Scan now" for the account: security admins and the team's leads. */
    public boolean mayStart(Viewer viewer, AwsAccount account) {
        return viewer.isSecurityAdmin() || Membership.isLead(account.team.id, viewer.personId());
    }

    /** "Scan now": queues a run of the account and starts it in the background. Security admins and the team's leads. */
    public CollectionRun scanNow(Viewer viewer, String accountId) {
        CollectionRun run = QuarkusTransaction.requiringNew().call(() -> {
            AwsAccount account = accounts.get(viewer, accountId);
            if (!mayStart(viewer, account)) {
                throw new ForbiddenException("Only security admins and the team's leads start a collection");
            }
            CollectionRun queued = queue(account, CollectionRun.Trigger.ON_DEMAND, viewer.email());
            audit.record(viewer, "aws.collection-requested", "account", account.accountId, null, Map.of("run", queued.id));
            return queued;
        });
        executor.runAsync(() -> execute(run.id));
        return run;
    }

    /** The scheduled collection: every account with a role, one after the other; accounts already running are skipped. */
    public void collectAll() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> AwsAccount.<AwsAccount>list("roleArn is not null order by accountId")
                .stream().map(account -> account.id).toList());
        for (Long id : ids) {
            if (stopping) {
                LOG.info("The scheduled collection stops with the application; the next one collects the rest");
                return;
            }
            try {
                long runId = QuarkusTransaction.requiringNew().call(() ->
                        queue(AwsAccount.findById(id), CollectionRun.Trigger.SCHEDULE, SCHEDULER).id);
                execute(runId);
            } catch (ConflictException alreadyRunning) {
                LOG.infof("Skipped the scheduled collection of account %s: %s", id, alreadyRunning.getMessage());
            } catch (RuntimeException e) {
                // One account's trouble (removed meanwhile, say) must not stop the collection of the others.
                LOG.errorf(e, "The scheduled collection of account %s could not start", id);
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<CollectionRun> runs(Viewer viewer, String accountId, PageRequest page) {
        AwsAccount account = accounts.get(viewer, accountId);
        return Paged.of(CollectionRun.ofAccount(account, page.panache()), page, CollectionRun.countOf(account));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RunDetail run(Viewer viewer, String accountId, long runId) {
        AwsAccount account = accounts.get(viewer, accountId);
        CollectionRun run = CollectionRun.ofAccount(account, runId)
                .orElseThrow(() -> new NotFoundException("Collection run", String.valueOf(runId)));
        return new RunDetail(run, CollectionCheck.ofRun(run));
    }

    private CollectionRun queue(AwsAccount account, CollectionRun.Trigger trigger, String requestedBy) {
        if (account.roleArn == null) {
            throw new InvalidInputException("roleArn", "account " + account.accountId
                    + " has no role for Tollgate's checks; set its role ARN first");
        }
        Instant now = Instant.now(clock);
        CollectionRun.activeOf(account).ifPresent(active -> {
            if (active.queuedAt.plus(config.abandonedAfter()).isAfter(now)) {
                throw new ConflictException("accountId", "a collection of account " + account.accountId + " is already "
                        + active.status.name().toLowerCase() + " (run " + active.id + ")");
            }
            active.status = CollectionRun.Status.FAILED;
            active.step = null;
            active.finishedAt = now;
            active.error = "abandoned: the run did not finish within " + config.abandonedAfter().toMinutes() + " minutes";
            CollectionRun.flush(); // the unique index allows one active run: end this one before the next is inserted
        });
        CollectionRun run = new CollectionRun();
        run.account = account;
        run.status = CollectionRun.Status.QUEUED;
        run.trigger = trigger;
        run.requestedBy = requestedBy;
        run.queuedAt = now;
        run.persistAndFlush();
        return run;
    }

    /** Runs a queued collection to its end; whatever happens, the run ends succeeded or failed. */
    void execute(long runId) {
        Work work;
        try {
            work = QuarkusTransaction.requiringNew().call(() -> begin(runId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Collection run %s could not start", runId);
            finish(runId, CollectionRun.Status.FAILED, "the collection could not start: " + e.getMessage(), null, null, null);
            return;
        }
        List<Region> regions = config.regions().stream().map(Region::of).toList();
        try (AccountSession session = clients.session(work.roleArn(), work.externalId())) {
            try {
                session.verify();
            } catch (SdkException e) {
                String reason = "sts:AssumeRole of " + work.roleArn() + " failed: " + e.getMessage();
                record(runId, collector.controlIds().stream()
                        .map(id -> new CheckResult(id, CheckOutcome.NOT_EVALUATED, 0, 0, reason)).toList());
                finish(runId, CollectionRun.Status.FAILED, reason, null, null, null);
                return;
            }
            Evaluations evaluations = collector.collect(session, work.accountId(), regions, LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                    new AccountCollector.Progress() {
                        @Override
                        public void started(String step) {
                            QuarkusTransaction.requiringNew().run(() -> CollectionRun.<CollectionRun>findByIdOptional(runId)
                                    .ifPresent(run -> run.step = step));
                        }

                        @Override
                        public void finished(List<CheckResult> results) {
                            record(runId, results);
                        }
                    });
            // A check that was not evaluated must not close its earlier findings: then the scan is partial.
            ScanMode mode = evaluations.complete() ? ScanMode.FULL : ScanMode.PARTIAL;
            long scanId = imports.importCollected(new CollectedReport(work.componentId(), Evaluations.TOOL, Evaluations.TOOL, mode,
                    work.requestedBy()), evaluations::emit).scanId();
            Long securityHubScanId = null;
            String securityHubError = null;
            try {
                byte[] findings = securityHub.activeFindings(session, regions);
                securityHubScanId = imports.importCollected(new CollectedReport(work.componentId(), asff.id(), asff.id(), ScanMode.FULL,
                        work.requestedBy()), sink -> asff.parse(new ByteArrayInputStream(findings), sink)).scanId();
            } catch (RuntimeException e) {
                // Tollgate's own checks are imported already: the run succeeds and says what Security Hub lacked.
                LOG.warnf(e, "Security Hub findings of account %s were not imported", work.accountId());
                securityHubError = "Security Hub findings could not be imported: " + e.getMessage();
            }
            finish(runId, CollectionRun.Status.SUCCEEDED, null, scanId, securityHubScanId, securityHubError);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Collection run %s of account %s failed", runId, work.accountId());
            finish(runId, CollectionRun.Status.FAILED, "The collection stopped on an unexpected error; the server log has"
                    + " the details (run " + runId + ").", null, null, null);
        }
    }

    private Work begin(long runId) {
        CollectionRun run = CollectionRun.findById(runId);
        run.status = CollectionRun.Status.RUNNING;
        run.startedAt = Instant.now(clock);
        AwsAccount account = run.account;
        Component component = Component.ofAccount(account)
                .orElseThrow(() -> new IllegalStateException("account " + account.accountId + " has no component"));
        return new Work(run.id, account.accountId, component.id, account.roleArn, account.externalId, run.requestedBy);
    }

    private void record(long runId, List<CheckResult> results) {
        QuarkusTransaction.requiringNew().run(() -> {
            CollectionRun run = CollectionRun.findById(runId);
            if (run == null) {
                return;
            }
            Instant now = Instant.now(clock);
            for (CheckResult result : results) {
                CollectionCheck check = new CollectionCheck();
                check.run = run;
                check.checkId = result.checkId();
                check.outcome = result.outcome();
                check.passed = result.passed();
                check.failed = result.failed();
                check.reason = truncate(result.reason());
                check.finishedAt = now;
                check.persist();
            }
        });
    }

    private void finish(long runId, CollectionRun.Status status, String error, Long scanId, Long securityHubScanId,
                        String securityHubError) {
        QuarkusTransaction.requiringNew().run(() -> {
            CollectionRun run = CollectionRun.findById(runId);
            if (run == null) {
                return; // the account was removed while its collection ran
            }
            run.status = status;
            run.step = null;
            run.finishedAt = Instant.now(clock);
            run.error = truncate(error);
            run.scanId = scanId;
            run.securityHubScanId = securityHubScanId;
            run.securityHubError = truncate(securityHubError);
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
