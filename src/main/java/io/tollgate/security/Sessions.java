package io.tollgate.security;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.Person;
import io.tollgate.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions kept in the database, so that the server can end them and any instance can serve any request. A session
 * ends at sign-out, at "sign out of all sessions", when the person's session epoch is raised (password reset,
 * deactivation), after {@link SecurityConfig#sessionIdleTimeout()} without a request, and at the latest after
 * {@link SecurityConfig#sessionLifetime()}. The token in the cookie never changes while the session lasts.
 */
@ApplicationScoped
public class Sessions {

    /** Requests closer together than this do not write the last use again: no write per request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final SecurityConfig config;
    private final AuditLog audit;
    private final SecurityEvents events;
    private final Clock clock;

    Sessions(SecurityConfig config, AuditLog audit, SecurityEvents events, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A session that answered a request: its row id and its person. */
    public record Resumed(long sessionId, Person person) {
    }

    /** A live session as its owner sees it on the profile page. */
    public record SessionView(long id, Instant startedAt, Instant lastUsedAt, String client, String address, boolean current) {
    }

    /** Starts a session for a person who has just signed in; returns the token for the cookie. */
    @Transactional
    public String start(long personId, SessionClient client) {
        Person person = Person.findById(personId);
        Instant now = Instant.now(clock);
        String token = SessionTokens.newToken();
        WebSession session = new WebSession();
        session.tokenHash = Secrets.sha256Hex(token);
        session.personId = personId;
        session.epoch = person.sessionEpoch;
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.sessionLifetime());
        session.clientAgent = client.agent();
        session.clientAddress = client.address();
        session.persist();
        return token;
    }

    /** The session of a cookie if it is still live, its last use recorded (at most once a minute). */
    @Transactional
    public Optional<Resumed> resume(String token) {
        Instant now = Instant.now(clock);
        Optional<WebSession> found = SessionTokens.hashOf(token).flatMap(WebSession::findByTokenHash)
                .filter(s -> s.liveAt(now, idleSince(now)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebSession session = found.get();
        Person person = Person.findById(session.personId);
        if (person == null || !person.active || person.sessionEpoch != session.epoch) {
            return Optional.empty();
        }
        if (!session.lastUsedAt.plus(TOUCH_INTERVAL).isAfter(now)) {
            session.lastUsedAt = now;
        }
        return Optional.of(new Resumed(session.id, person));
    }

    /** Ends the session of a cookie (sign-out): a copy of the cookie is dead on every instance. */
    @Transactional
    public void end(String token) {
        SessionTokens.hashOf(token).flatMap(WebSession::findByTokenHash)
                .filter(s -> s.endedAt == null)
                .ifPresent(s -> {
                    s.endedAt = Instant.now(clock);
                    events.success("sign-out", SecurityEvents.person(s.personId), null);
                });
    }

    /** The viewer's live sessions, the most recently used first; {@code currentId} is the one of this request. */
    @Transactional
    public List<SessionView> live(Viewer viewer, long currentId) {
        Person person = Person.findById(viewer.personId());
        Instant now = Instant.now(clock);
        return WebSession.liveOf(viewer.personId(), person.sessionEpoch, now, idleSince(now)).stream()
                .map(s -> new SessionView(s.id, s.createdAt, s.lastUsedAt, s.clientAgent, s.clientAddress, s.id == currentId))
                .toList();
    }

    /** Ends another live session of the viewer's; someone else's session is not found. */
    @Transactional
    public void endOne(Viewer viewer, long sessionId) {
        Instant now = Instant.now(clock);
        WebSession session = WebSession.<WebSession>findByIdOptional(sessionId)
                .filter(s -> s.personId == viewer.personId() && s.liveAt(now, idleSince(now)))
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
        session.endedAt = now;
        events.success("sign-out.other-session", SecurityEvents.person(viewer.personId()), "session " + sessionId);
        audit.record(viewer, "session.ended", "person", viewer.email(), null, null);
    }

    /**
     * Signs the viewer out everywhere: every session ends, and the raised session epoch also ends half-finished
     * sign-ins.
     */
    @Transactional
    public void endAll(Viewer viewer) {
        endAllOf(Person.findById(viewer.personId()));
        events.success("sign-out.all-sessions", SecurityEvents.person(viewer.personId()), null);
        audit.record(viewer, "session.ended-all", "person", viewer.email(), null, null);
    }

    /**
     * Ends every session of a person and, by raising the session epoch, their half-finished sign-ins. The caller
     * decides who may do this and records it.
     */
    @Transactional
    public void endAllOf(Person person) {
        person.sessionEpoch++;
        WebSession.endAllOf(person.id, Instant.now(clock));
    }

    /** Ends every session and half-finished sign-in of everyone; returns how many sessions were live. */
    @Transactional
    public long endEveryones() {
        Person.update("sessionEpoch = sessionEpoch + 1");
        return WebSession.endAll(Instant.now(clock));
    }

    /** Deletes sessions that can no longer serve a request and sign-in stages past their window. */
    @Transactional
    public long deleteDead() {
        Instant now = Instant.now(clock);
        return WebSession.deleteDead(now, idleSince(now)) + PendingSignIn.deleteExpired(now);
    }

    private Instant idleSince(Instant now) {
        return now.minus(config.sessionIdleTimeout());
    }
}
