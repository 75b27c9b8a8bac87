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
     * Secret that encrypts session cookies (any string of 32+ characters). Every instance behind a load balancer
     * needs the same one. When absent a random secret is made at start-up and sessions end with the process.
     */
    Optional<String> sessionSecret();

    /** How long a session lasts after sign-in. */
    @WithDefault("8h")
    Duration sessionLifetime();

    /** How long a half-finished sign-in (password given, code not yet) stays valid. */
    @WithDefault("10m")
    Duration signInWindow();

    /** Mark cookies Secure; turn on whenever Tollgate is served over HTTPS. */
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
         * Initial password of the first security admin. When absent a one-time password is generated; it must be
         * changed at the first sign-in.
         */
        Optional<String> password();

        /**
         * File the generated one-time passwords (first admin, demo people) are written to, readable only by the
         * process owner; the log names the file. When empty (the embedded database) they are printed in the log.
         */
        Optional<java.nio.file.Path> oneTimePasswordFile();
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
