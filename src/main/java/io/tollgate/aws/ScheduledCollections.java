package io.tollgate.aws;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Collects every account with a role on Tollgate's schedule ({@code tollgate.aws.schedule}). Quartz keeps its
 * triggers in the database and runs clustered, so the job fires on one instance only.
 */
@ApplicationScoped
public class ScheduledCollections {

    /** The Quartz job's identity, in the group {@code io.quarkus.scheduler.Scheduler}. */
    public static final String JOB = "aws-collection";

    private final CollectionService collections;

    ScheduledCollections(CollectionService collections) {
        this.collections = collections;
    }

    @Scheduled(identity = JOB, cron = "{tollgate.aws.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void collectAll() {
        collections.collectAll();
    }
}
