package io.tollgate.aws.rest;

import io.tollgate.aws.CollectionCheck;
import io.tollgate.aws.CollectionRun;
import io.tollgate.aws.CollectionService.RunDetail;
import io.tollgate.aws.collector.CheckOutcome;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of collection runs. */
public final class CollectionViews {

    private CollectionViews() {
    }

    public record CheckView(String checkId, CheckOutcome outcome, int passed, int failed, String reason, Instant finishedAt) {
        static CheckView of(CollectionCheck check) {
            return new CheckView(check.checkId, check.outcome, check.passed, check.failed, check.reason, check.finishedAt);
        }
    }

    public record RunView(long id, String accountId, CollectionRun.Status status, CollectionRun.Trigger trigger, String requestedBy,
                          Instant queuedAt, Instant startedAt, String step, Instant finishedAt, String error, Long scanId,
                          Long securityHubScanId, String securityHubError, List<CheckView> checks) {

        static RunView of(CollectionRun run, String accountId, List<CollectionCheck> checks) {
            return new RunView(run.id, accountId, run.status, run.trigger, run.requestedBy, run.queuedAt, run.startedAt,
                    run.step, run.finishedAt, run.error, run.scanId, run.securityHubScanId, run.securityHubError,
                    checks == null ? null : checks.stream().map(CheckView::of).toList());
        }

        static RunView of(RunDetail detail, String accountId) {
            return of(detail.run(), accountId, detail.checks());
        }
    }
}
