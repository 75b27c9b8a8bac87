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

    /** The issuer name authenticator apps show next to the account. */
    @WithDefault("Tollgate")
    String totpIssuer();

    /** Minimum length of a new password. */
    @WithDefault("12")
    int minPasswordLength();

    /** Maximum length of a new password; every character counts (the hash has no length limit). */
    @WithDefault("512")
    int maxPasswordLength();

    /** How passwords are hashed. */
    Argon2 argon2();

    /** How failed sign-ins slow down guessing. */
    Throttle throttle();

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

    /** Argon2id parameters of new password hashes; hashes made with other parameters are renewed at sign-in. */
    interface Argon2 {
        /** Memory in KiB (OWASP: 19 MiB with two iterations). */
        @WithDefault("19456")
        int memoryKib();

        /** Passes over the memory. */
        @WithDefault("2")
        int iterations();

        /** Lanes computed in parallel. */
        @WithDefault("1")
        int parallelism();
    }

    /**
     * Failed passwords and codes are counted in the database (shared by every instance) within a window, per client
     * address and per account and client address. Past a limit that address answers 429 until the window ends; the
     * account stays open from every other address, so nobody can lock a person out.
     */
    interface Throttle {
        /** How long failures are counted; a throttled address may try again when its window ends. */
        @WithDefault("15m")
        Duration window();

        /** Failures from one client address, whatever the accounts, after which that address is throttled. */
        @WithDefault("30")
        int addressFailures();

        /** Failures for one account from one client address after which that pair is throttled. */
        @WithDefault("5")
        int accountFailures();
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

        /**
         * Authentication methods ({@code amr}, RFC 8176) any one of which shows that the provider used a second factor;
         * without one (nor an accepted {@code acr}) the person also gives Tollgate's authenticator code.
         */
        @WithDefault("mfa,mca,otp,hwk,swk,sc,fido")
        List<String> mfaAmrValues();

        /** Authentication context classes ({@code acr}) of the provider that mean a second factor was used. */
        Optional<List<String>> mfaAcrValues();

        /**
         * How long ago the person may last have authenticated at the provider (a number is seconds): sent as
         * {@code max_age}, and an ID token whose {@code auth_time} is older, or missing, is refused.
         */
        @WithDefault("43200")
        Duration maxAuthenticationAge();
    }
}
