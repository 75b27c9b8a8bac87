package io.tollgate.security;

import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds and reads Tollgate's two cookies: the session, and the half-finished sign-in. */
@ApplicationScoped
public class SessionCookies {

    public static final String SESSION = "tollgate_session";
    public static final String SIGN_IN = "tollgate_signin";
    static final String FULL_SESSION_STAGE = "session";

    private final SessionCodec codec;
    private final SecurityConfig config;
    private final Clock clock;

    SessionCookies(SessionCodec codec, SecurityConfig config, Clock clock) {
        this.codec = codec;
        this.config = config;
        this.clock = clock;
    }

    public NewCookie session(Person person) {
        return cookie(SESSION, new SessionCodec.Claims(person.id, person.sessionEpoch, FULL_SESSION_STAGE,
                Instant.now(clock).plus(config.sessionLifetime())), config.sessionLifetime());
    }

    public NewCookie signIn(Person person, SignInStage stage) {
        return cookie(SIGN_IN, new SessionCodec.Claims(person.id, person.sessionEpoch, stage.name(),
                Instant.now(clock).plus(config.signInWindow())), config.signInWindow());
    }

    public NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true)
                .secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).build();
    }

    public Optional<SessionCodec.Claims> openSession(String value) {
        return codec.open(SESSION, value, Instant.now(clock)).filter(c -> FULL_SESSION_STAGE.equals(c.stage()));
    }

    /** The half-finished sign-in, if the cookie is valid and still at the given stage. */
    public Optional<SessionCodec.Claims> openSignIn(String value, SignInStage stage) {
        return codec.open(SIGN_IN, value, Instant.now(clock)).filter(c -> stage.name().equals(c.stage()));
    }

    private NewCookie cookie(String name, SessionCodec.Claims claims, Duration lifetime) {
        return new NewCookie.Builder(name).value(codec.seal(name, claims)).path("/")
                .maxAge((int) lifetime.toSeconds()).httpOnly(true).secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
