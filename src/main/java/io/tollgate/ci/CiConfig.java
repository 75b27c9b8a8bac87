package io.tollgate.ci;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the CI webhook and its credentials. */
@ConfigMapping(prefix = "tollgate.ci")
public interface CiConfig {

    /** Largest webhook body accepted, in bytes as sent (a gzipped report counts compressed). */
    @WithDefault("2147483648")
    long maxBodyBytes();

    /**
     * Bytes all webhook bodies being received at once may take in the spool directory together; a request that would
     * pass it is answered 503 with Retry-After, before its body is written when it declares its length.
     */
    @WithDefault("4294967296")
    long maxSpoolBytes();

    /** Where webhook bodies are spooled while their signature and size are checked; the system's temporary folder if unset. */
    Optional<Path> spoolDirectory();

    /** Failed authentications (bad token, bad signature) one client address may make per window before it gets 429. */
    @WithDefault("20")
    int failuresPerAddress();

    /** The window over which {@link #failuresPerAddress()} counts, per instance (kept in memory). */
    @WithDefault("10m")
    Duration failureWindow();

    /** Webhook requests one credential may make per minute, on each instance (an in-memory token bucket). */
    @WithDefault("60")
    int requestsPerMinute();

    /** How far a signed request's timestamp may lie from the server's clock, either way. */
    @WithDefault("5m")
    Duration timestampTolerance();

    /** How long the previous signing secrets stay valid after a new one is created, unless revoked first. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** Days a new API token lives when its creator names no expiry. */
    @WithDefault("90")
    int tokenDays();

    /** The most days a token may be given. */
    @WithDefault("366")
    int tokenMaxDays();
}
