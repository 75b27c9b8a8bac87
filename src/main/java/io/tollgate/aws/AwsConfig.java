package io.tollgate.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Tollgate's own account collector: where it looks, how often, and how it treats a busy AWS API. */
@ConfigMapping(prefix = "tollgate.aws")
public interface AwsConfig {

    /** Regions whose Lambda functions, API Gateway stages, log groups and Security Hub findings are collected; the first is the home region for STS and CloudTrail. */
    @WithDefault("eu-west-1")
    List<String> regions();

    /** One endpoint for every AWS service, for a local stub server; unset in production. */
    Optional<URI> endpointOverride();

    /** When every account with a role is collected (Quartz cron), by default daily at 03:00; "off" disables it. */
    @WithDefault("0 0 3 * * ?")
    String schedule();

    /** The session name Tollgate gives the role it assumes, as CloudTrail records it. */
    @WithDefault("tollgate-collector")
    String roleSessionName();

    /** A run still queued or running after this long is taken as abandoned (its instance stopped) and ends as failed when the next run is asked for. */
    @WithDefault("2h")
    Duration abandonedAfter();

    /** Retrying throttled and failed calls with exponential backoff. */
    Retry retry();

    interface Retry {
        /** Attempts per call, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** The first backoff; each further one doubles, with jitter. */
        @WithDefault("200ms")
        Duration baseDelay();

        /** The longest backoff. */
        @WithDefault("20s")
        Duration maxBackoff();
    }
}
