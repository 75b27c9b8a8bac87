package io.tollgate.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed sign-ins in the database, so that every instance sees the same counts, in two dimensions: the client
 * address (whatever accounts it tries) and the account from that address. An account is named by a hash of its
 * normalised e-mail address, so that an unknown address is counted exactly like a known one. The per-account limit
 * applies per client address: guessing from one place is stopped while the person signs in from anywhere else.
 * Counts run in fixed windows; a throttled pair may try again when its window ends.
 */
@ApplicationScoped
public class SignInThrottle {

    private final EntityManager entityManager;
    private final SecurityConfig.Throttle config;
    private final Clock clock;

    SignInThrottle(EntityManager entityManager, SecurityConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config.throttle();
        this.clock = clock;
    }

    /** How long the attempt must wait, if this address or this account from this address is throttled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Duration> waitFor(String email, String clientAddress) {
        Instant now = Instant.now(clock);
        Instant windowStart = now.minus(config.window());
        Optional<Duration> wait = Optional.empty();
        for (Limit limit : limits(email, clientAddress)) {
            List<?> rows = entityManager.createNativeQuery("SELECT window_started_at FROM sign_in_throttle"
                            + " WHERE throttle_key = ?1 AND failures >= ?2 AND window_started_at > ?3")
                    .setParameter(1, limit.key()).setParameter(2, limit.failures())
                    .setParameter(3, windowStart).getResultList();
            for (Object started : rows) {
                Duration left = Duration.between(now, ((Instant) started).plus(config.window()));
                if (wait.isEmpty() || left.compareTo(wait.get()) > 0) {
                    wait = Optional.of(left);
                }
            }
        }
        return wait;
    }

    /** Counts a failed password or code; the count is committed even when the sign-in is refused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailure(String email, String clientAddress) {
        Instant now = Instant.now(clock);
        for (Limit limit : limits(email, clientAddress)) {
            entityManager.createNativeQuery("INSERT INTO sign_in_throttle (throttle_key, failures, window_started_at)"
                            + " VALUES (?1, 1, ?2) ON CONFLICT (throttle_key) DO UPDATE SET"
                            + " failures = CASE WHEN sign_in_throttle.window_started_at <= ?3 THEN 1"
                            + " ELSE sign_in_throttle.failures + 1 END,"
                            + " window_started_at = CASE WHEN sign_in_throttle.window_started_at <= ?3 THEN ?2"
                            + " ELSE sign_in_throttle.window_started_at END")
                    .setParameter(1, limit.key()).setParameter(2, now)
                    .setParameter(3, now.minus(config.window())).executeUpdate();
        }
    }

    /** Forgets the account's failures from this address after a complete sign-in there. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgive(String email, String clientAddress) {
        entityManager.createNativeQuery("DELETE FROM sign_in_throttle WHERE throttle_key = ?1")
                .setParameter(1, accountKey(email, clientAddress)).executeUpdate();
    }

    /** Drops the counts whose window has ended. */
    @Scheduled(every = "${tollgate.security.throttle.window:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void dropEnded() {
        entityManager.createNativeQuery("DELETE FROM sign_in_throttle WHERE window_started_at <= ?1")
                .setParameter(1, Instant.now(clock).minus(config.window())).executeUpdate();
    }

    private record Limit(String key, int failures) {
    }

    private List<Limit> limits(String email, String clientAddress) {
        return List.of(new Limit("address:" + clientAddress, config.addressFailures()),
                new Limit(accountKey(email, clientAddress), config.accountFailures()));
    }

    /** The account's key: a hash of the normalised e-mail address and the client address. */
    static String accountKey(String email, String clientAddress) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return "account:" + Secrets.sha256Hex(normalised + "\n" + clientAddress);
    }
}
