package io.tollgate.scorecard.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import io.tollgate.scorecard.ScorecardConfig;
import io.tollgate.scorecard.ScorecardSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The daily snapshot of every team in every environment. Each instance checks now and then; the first to insert
 * the day's row in scorecard_daily_run takes the snapshots in the same transaction, and the others, blocked on
 * that row until it commits, find it there and skip. A run that fails rolls its row back, so another check retries.
 */
@ApplicationScoped
public class DailySnapshots {

    private static final Logger LOG = Logger.getLogger(DailySnapshots.class);
    private static final String CLAIM = """
            INSERT INTO scorecard_daily_run (day, instance, started_at) VALUES (?1, ?2, ?3) ON CONFLICT (day) DO NOTHING""";

    private final ScorecardService scorecards;
    private final ScorecardConfig config;
    private final Clock clock;
    private final EntityManager em;
    private final String instance = ProcessHandle.current().pid() + "@" + System.getenv().getOrDefault("HOSTNAME", "localhost");
    private ScheduledExecutorService timer;

    DailySnapshots(ScorecardService scorecards, ScorecardConfig config, Clock clock, EntityManager em) {
        this.scorecards = scorecards;
        this.config = config;
        this.clock = clock;
        this.em = em;
    }

    void start(@Observes StartupEvent event) {
        if (!config.dailyEnabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scorecard-daily"));
        long every = config.dailyCheckInterval().toSeconds();
        timer.scheduleWithFixedDelay(this::runToday, 60, every, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void runToday() {
        try {
            run(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            LOG.error("The daily scorecard snapshot failed; the next check retries it", e);
        }
    }

    /**
     * Takes the day's snapshots unless an instance already has.
     *
     * @return whether this call took them
     */
    public boolean run(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            int claimed = em.createNativeQuery(CLAIM).setParameter(1, day).setParameter(2, instance)
                    .setParameter(3, Timestamp.from(now)).executeUpdate();
            if (claimed == 0) {
                return false;
            }
            List<Environment> environments = Environment.inPromotionOrder();
            List<Team> teams = Team.listAll();
            for (Team team : teams) {
                scorecards.snapshot(team, environments, ScorecardSnapshot.Cause.DAILY, now);
            }
            LOG.infof("Daily scorecard snapshot of %d teams in %d environments taken", teams.size(), environments.size());
            return true;
        });
    }
}
