package io.tollgate.security;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CSRF tokens of the portal and of cookie-authenticated API calls. A token is HMAC-SHA256 under a key derived
 * from {@code TOLLGATE_SECURITY_SESSION_SECRET} over the value of the cookie that carries the browser's standing
 * with Tollgate: the session cookie when there is one, otherwise the half-finished sign-in, otherwise a pre-session
 * cookie of its own that only protects the sign-in form. The token is therefore bound to that one session (it dies
 * with it), is the same on every instance, and needs no state on the server.
 */
@ApplicationScoped
public class CsrfTokens {

    /** The form field that carries the token. */
    public static final String FORM_FIELD = "csrf";
    /** The request header that carries the token, for calls that are not forms. */
    public static final String HEADER = "X-CSRF-Token";

    private static final String PRE_SESSION = "tollgate_csrf";
    private static final String SECURE_PRE_SESSION = "__Host-tollgate_csrf";
    private static final int PRE_SESSION_BYTES = 32;

    private final SecretKeySpec key;
    private final String preSessionCookie;
    private final String sessionCookie;
    private final String signInCookie;
    private final SecureRandom random = new SecureRandom();

    CsrfTokens(SecurityConfig config) {
        this.key = new SecretKeySpec(derivedKey(config.sessionSecret()), "HmacSHA256");
        this.preSessionCookie = config.secureCookies() ? SECURE_PRE_SESSION : PRE_SESSION;
        String prefix = config.secureCookies() ? SessionCookies.HOST_PREFIX : "";
        this.sessionCookie = prefix + SessionCookies.SESSION;
        this.signInCookie = prefix + SessionCookies.SIGN_IN;
    }

    /** The cookie a token is bound to: its name and value. */
    public record Binding(String cookie, String value) {
    }

    /**
     * The cookie this request's token is bound to, looked up in a fixed order so that a page and the form it posts
     * agree: the session, else the half-finished sign-in, else the pre-session cookie.
     */
    public Optional<Binding> binding(Function<String, String> cookies) {
        for (String name : new String[]{sessionCookie, signInCookie, preSessionCookie}) {
            String value = cookies.apply(name);
            if (value != null && !value.isEmpty()) {
                return Optional.of(new Binding(name, value));
            }
        }
        return Optional.empty();
    }

    /** Whether the request carries a cookie that signs someone in or is on the way to: the session or the sign-in. */
    public boolean carriesSignInCookie(Function<String, String> cookies) {
        return cookies.apply(sessionCookie) != null || cookies.apply(signInCookie) != null;
    }

    public String token(Binding binding) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(binding));
    }

    /** Compares in constant time; a token that is not even Base64 does not match. */
    public boolean matches(String token, Binding binding) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(binding), given);
    }

    /** The name of the pre-session cookie ({@code __Host-} prefixed when cookies are Secure). */
    public String preSessionCookie() {
        return preSessionCookie;
    }

    /** A fresh random value for a pre-session cookie. */
    public String newPreSessionValue() {
        byte[] value = new byte[PRE_SESSION_BYTES];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private byte[] mac(Binding binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("csrf" + binding.cookie() + "=" + binding.value()).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * A key of its own for CSRF tokens, derived from the session secret so that it never equals the key that seals
     * cookies. Without a session secret, sessions end with the process anyway, and so may this key.
     */
    private static byte[] derivedKey(Optional<String> sessionSecret) {
        if (sessionSecret.isEmpty()) {
            byte[] ephemeral = new byte[32];
            new SecureRandom().nextBytes(ephemeral);
            return ephemeral;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionSecret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("tollgate csrf token key".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
