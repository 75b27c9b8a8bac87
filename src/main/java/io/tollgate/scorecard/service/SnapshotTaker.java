package io.tollgate.scorecard.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import io.tollgate.platform.TeamInputsChanged;
import io.tollgate.scorecard.ScorecardSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Takes the scorecard snapshots that a change asks for, once the change is committed, on a thread of its own: an
 * import answers as soon as its findings are committed, and its snapshot, which reads every finding of the team,
 * follows a moment later. Snapshots are taken one at a time in the order they were asked for; a change asked for
 * again while its snapshot still waits is taken once, with what is true when it runs.
 */
@ApplicationScoped
class SnapshotTaker {

    private static final Logger LOG = Logger.getLogger(SnapshotTaker.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 20;

    private final ScorecardService scorecards;
    private final Clock clock;
    private final Set<TeamInputsChanged> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "scorecard-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    SnapshotTaker(ScorecardService scorecards, Clock clock) {
        this.scorecards = scorecards;
        this.clock = clock;
    }

    void onInputsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TeamInputsChanged change) {
        if (!waiting.add(change)) {
            return;
        }
        try {
            worker.execute(() -> take(change));
        } catch (RejectedExecutionException e) {
            // The application is stopping; the change is committed and the next snapshot will include it.
            waiting.remove(change);
            LOG.warnf("Scorecard snapshots after %s of teams %s were not taken: the application is stopping",
                    change.cause(), change.teamIds());
        }
    }

    /** Lets the snapshots already asked for finish before the application stops. */
    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warnf("%d scorecard snapshots were not taken before shutdown", waiting.size());
        }
    }

    private void take(TeamInputsChanged change) {
        waiting.remove(change);
        ScorecardSnapshot.Cause cause = ScorecardSnapshot.Cause.valueOf(change.cause());
        long started = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<Environment> environments = change.environmentId() == null
                        ? Environment.inPromotionOrder()
                        : List.of(Environment.<Environment>findById(change.environmentId()));
                Instant now = Instant.now(clock);
                for (Long teamId : change.teamIds()) {
                    Team.<Team>findByIdOptional(teamId).ifPresent(team -> scorecards.snapshot(team, environments, cause, now));
                }
            });
            LOG.debugf("%d ms: snapshots after %s", (System.nanoTime() - started) / 1_000_000, cause);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scorecard snapshots after %s of teams %s could not be taken", cause, change.teamIds());
        }
    }
}
