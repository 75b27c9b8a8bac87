package io.tollgate.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sign-in, session and first-admin settings. */
@ConfigMapping(prefix = "tollgate.security")
public interface SecurityConfig {

    /**
     * Secret from which the keys that seal the secrets kept at rest (and the CSRF and keyed-hash keys) are derived: at least 32
     * random bytes as base64 or hex ({@code openssl rand -base64 32}); Tollgate refuses to start with a weaker one.
     * Every instance behind a load balancer needs the same one. When absent a random secret is made at start-up and
     * what it sealed is lost with the process.
     */
    Optional<String> sessionSecret();

    /**
     * Earlier session secrets, newest first, kept after a rotation so that what they sealed still opens until it
     * is re-sealed under {@link #sessionSecret()} (see docs/operations.md). They never seal.
     */
    Optional<List<String>> previousSessionSecrets();

    /**
     * How often stored sealed values are re-sealed under the current key, as a scheduler interval such as
     * {@code 1h}; "off" leaves it to start-up, which always re-seals.
     */
    @WithDefault("1h")
    String resealEvery();

    /** How long a session lasts after sign-in at most, however busy. */
    @WithDefault("8h")
    Duration sessionLifetime();

    /** How long a session lasts without a request before it ends (measured to about a minute). */
    @WithDefault("30m")
    Duration sessionIdleTimeout();

    /** How long a half-finished sign-in (password given, code not yet) stays valid; each stage's cookie works once. */
    @WithDefault("10m")
    Duration signInWindow();

    /**
     * Mark cookies Secure and give the session and sign-in cookies the {@code __Host-} prefix; turn on whenever
     * Tollgate is served over HTTPS.
     */
    @WithDefault("false")
    boolean secureCookies();

    /** Failed attempts (password or code) after which the account is locked for {@link #lockout()}. */
    @WithDefault("5")
    int maxFailedAttempts();

    /** How long an account stays locked after too many failed attempts. */
    @WithDefault("15m")
    Duration lockout();

    /** The issuer name authenticator apps show next to the account. */
    @WithDefault("Tollgate")
    String totpIssuer();

    /** Minimum length of a new password. */
    @WithDefault("12")
    int minPasswordLength();

    /** The first security admin. */
    FirstAdmin admin();

    /** Mapping of identity-provider groups to Tollgate roles, for OIDC sign-in. */
    Oidc oidc();

    interface FirstAdmin {
        /** E-mail address of the first security admin, created when no security admin exists. */
        @WithDefault("admin@tollgate.local")
        String email();

        /**
         * Initial password of the first security admin. When absent a one-time password is generated and printed
         * in the log; it must be changed at the first sign-in.
         */
        Optional<String> password();
    }

    interface Oidc {
        /** Claim of the ID token that lists the person's groups. */
        @WithDefault("groups")
        String groupsClaim();

        /** Groups whose members become managers. */
        @WithDefault("tollgate-managers")
        List<String> managerGroups();

        /** Groups whose members become security admins. */
        @WithDefault("tollgate-security-admins")
        List<String> securityAdminGroups();
    }
}
