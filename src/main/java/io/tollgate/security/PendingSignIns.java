package io.tollgate.security;

import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Half-finished sign-ins, kept in the database so that each stage cookie works once, on any instance. A stage is
 * bound to the person's session epoch: a password reset or "sign out of all sessions" ends it.
 */
@ApplicationScoped
public class PendingSignIns {

    private final SecurityConfig config;
    private final Clock clock;

    PendingSignIns(SecurityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Opens a stage for a person; returns the token for the sign-in cookie. */
    @Transactional
    public String start(long personId, SignInStage stage) {
        String token = SessionTokens.newToken();
        PendingSignIn pending = new PendingSignIn();
        pending.tokenHash = Secrets.sha256Hex(token);
        pending.personId = personId;
        pending.epoch = Person.<Person>findById(personId).sessionEpoch;
        pending.stage = stage;
        pending.expiresAt = Instant.now(clock).plus(config.signInWindow());
        pending.persist();
        return token;
    }

    /** The person whose sign-in stands at this stage, to show the stage's page; the cookie stays usable. */
    @Transactional
    public Optional<Long> peek(String token, SignInStage stage) {
        return find(token, stage).map(p -> p.personId);
    }

    /**
     * Uses up the cookie of a submitted stage: the person it belongs to if it was still valid, and nothing for a
     * cookie that was used already, even by a request running at the same time.
     */
    @Transactional
    public Optional<Long> consume(String token, SignInStage stage) {
        return find(token, stage).filter(p -> PendingSignIn.delete("id", p.id) == 1).map(p -> p.personId);
    }

    private Optional<PendingSignIn> find(String token, SignInStage stage) {
        Instant now = Instant.now(clock);
        return SessionTokens.hashOf(token).flatMap(PendingSignIn::findByTokenHash)
                .filter(p -> p.stage == stage && p.expiresAt.isAfter(now))
                .filter(p -> Person.<Person>findByIdOptional(p.personId)
                        .filter(person -> person.active && person.sessionEpoch == p.epoch).isPresent());
    }
}
