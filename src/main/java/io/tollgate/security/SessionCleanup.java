package io.tollgate.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes ended, expired and idle sessions and lapsed sign-in stages every quarter hour (on one instance: the
 * scheduler runs clustered). Until then such rows are refused all the same.
 */
@ApplicationScoped
class SessionCleanup {

    private final Sessions sessions;

    SessionCleanup(Sessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(every = "15m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteDead() {
        sessions.deleteDead();
    }
}
