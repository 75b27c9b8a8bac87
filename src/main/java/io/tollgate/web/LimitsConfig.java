package io.tollgate.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-person limits on costly calls (see {@link RateLimits}), counted per instance in one-minute windows: behind a
 * load balancer with n instances a person may make up to n times as many calls.
 */
@ConfigMapping(prefix = "tollgate.limits")
public interface LimitsConfig {

    /** Report uploads (API and portal form) a person may make per minute. */
    @WithDefault("30")
    int uploadsPerMinute();

    /** Promotion gate evaluations (new and repeated) a person may ask for per minute. */
    @WithDefault("120")
    int gateEvaluationsPerMinute();

    /** CSV exports a person may download per minute. */
    @WithDefault("30")
    int exportsPerMinute();
}
