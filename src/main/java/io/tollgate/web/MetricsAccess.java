package io.tollgate.web;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Keeps the Prometheus metrics (request counts and timings per endpoint, pool and JVM figures) from anonymous
 * callers: /q/metrics answers only a request that carries the configured bearer token, unless the metrics are
 * configured as anonymous. Other requests get 401 with a Bearer challenge, the same whether a token is configured
 * or not.
 */
@ApplicationScoped
public class MetricsAccess {

    /** Shorter tokens are refused at start-up: a scraper's token is a machine secret, not a password. */
    static final int MIN_TOKEN_LENGTH = 32;

    private static final String BEARER = "Bearer ";

    private final MetricsConfig config;
    private final String path;
    private final Optional<byte[]> tokenHash;

    MetricsAccess(MetricsConfig config, @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path") String path) {
        this.config = config;
        this.path = path;
        this.tokenHash = config.token().filter(t -> !t.isBlank()).map(String::strip).map(MetricsAccess::sha256);
    }

    void checkToken(@Observes StartupEvent event) {
        config.token().filter(t -> !t.isBlank() && t.strip().length() < MIN_TOKEN_LENGTH).ifPresent(t -> {
            throw new IllegalStateException("tollgate.metrics.token (TOLLGATE_METRICS_TOKEN) must be at least "
                    + MIN_TOKEN_LENGTH + " characters");
        });
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        String requested = context.normalizedPath();
        if (config.anonymous() || !(requested.equals(path) || requested.startsWith(path + "/")) || authorized(context)) {
            context.next();
            return;
        }
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer realm=\"tollgate-metrics\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE + ";charset=UTF-8")
                .end("{\"type\":\"about:blank\",\"title\":\"Not signed in\",\"status\":401,"
                        + "\"detail\":\"The metrics need the scraper's bearer token\"}");
    }

    /** Compares digests, so that the time taken says nothing about how much of the token matched. */
    private boolean authorized(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (tokenHash.isEmpty() || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(tokenHash.get(), sha256(header.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
