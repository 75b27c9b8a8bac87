package io.tollgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;
import java.util.Optional;

/**
 * Names and builds Tollgate's two cookies: the session, and the half-finished sign-in. Both carry only a random token
 * (see {@link Sessions} and {@link PendingSignIns}). With {@link SecurityConfig#secureCookies()} they are
 * {@code __Host-} cookies: Secure, for the whole site and for this host only, so that no subdomain can set them.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String SESSION = "tollgate_session";
    public static final String SIGN_IN = "tollgate_signin";
    /** Marks a browser that started single sign-on from Tollgate's sign-in page, with its CSRF token. */
    public static final String SSO_START = "tollgate_sso";
    /** The prefix browsers accept only on Secure cookies with Path=/ and no Domain. */
    public static final String HOST_PREFIX = "__Host-";

    private final SecurityConfig config;

    SessionCookies(SecurityConfig config) {
        this.config = config;
    }

    /** The session cookie's name: {@value #SESSION}, with {@value #HOST_PREFIX} when cookies are secure. */
    public String sessionName() {
        return name(SESSION);
    }

    public String signInName() {
        return name(SIGN_IN);
    }

    public NewCookie session(String token) {
        return cookie(sessionName(), token, config.sessionLifetime());
    }

    public NewCookie signIn(String token) {
        return cookie(signInName(), token, config.signInWindow());
    }

    public String ssoStartName() {
        return name(SSO_START);
    }

    /** The one-time mark of a single sign-on started from the sign-in page; it lives for the sign-in window. */
    public NewCookie ssoStart() {
        return cookie(ssoStartName(), SessionTokens.newToken(), config.signInWindow());
    }

    /** Whether the request carries the mark of a single sign-on started from the sign-in page. */
    public boolean startedSingleSignOn(HttpHeaders headers) {
        return value(headers, ssoStartName()).filter(v -> !v.isEmpty()).isPresent();
    }

    /** Removes a cookie from the browser. */
    public NewCookie expired(String name) {
        return cookie(name, "", Duration.ZERO);
    }

    /** The value of the session cookie a request carries. */
    public Optional<String> sessionToken(HttpHeaders headers) {
        return value(headers, sessionName());
    }

    public Optional<String> signInToken(HttpHeaders headers) {
        return value(headers, signInName());
    }

    private String name(String base) {
        return config.secureCookies() ? HOST_PREFIX + base : base;
    }

    private static Optional<String> value(HttpHeaders headers, String name) {
        return Optional.ofNullable(headers.getCookies().get(name)).map(Cookie::getValue);
    }

    private NewCookie cookie(String name, String value, Duration lifetime) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge((int) lifetime.toSeconds()).httpOnly(true)
                .secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
