package io.tollgate.ci;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the CI webhook and its credentials. */
@ConfigMapping(prefix = "tollgate.ci")
public interface CiConfig {

    /** Largest webhook body accepted, in bytes as sent (a gzipped report counts compressed). */
    @WithDefault("2147483648")
    long maxBodyBytes();

    /** Webhook requests one credential may make per minute, on each instance (an in-memory token bucket). */
    @WithDefault("60")
    int requestsPerMinute();

    /** How far a Standard Webhooks timestamp may lie from the server's clock, either way. */
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
