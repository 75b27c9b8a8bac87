package io.tollgate.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Who reads the Prometheus metrics at /q/metrics (see io.tollgate.web.MetricsAccess). */
@ConfigMapping(prefix = "tollgate.metrics")
public interface MetricsConfig {

    /**
     * The bearer token a scraper sends ({@code Authorization: Bearer <token>}); at least 32 characters. Without it,
     * and without {@link #anonymous()}, nobody reads the metrics.
     */
    Optional<String> token();

    /** Serve the metrics without a token, for deployments where only a private network reaches the port. */
    @WithDefault("false")
    boolean anonymous();
}
