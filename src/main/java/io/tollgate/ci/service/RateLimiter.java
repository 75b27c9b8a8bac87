package io.tollgate.ci.service;

import io.tollgate.ci.CiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Webhook requests per credential: a token bucket of {@code requestsPerMinute} tokens, refilled evenly over the
 * minute. It lives in this instance's memory, so behind a load balancer each instance allows the rate on its own.
 */
@ApplicationScoped
public class RateLimiter {

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(CiConfig config) {
        this.perMinute = config.requestsPerMinute();
    }

    /** Takes one request from the credential's bucket: empty if allowed, else the seconds until one is. */
    public OptionalLong acquire(String credential) {
        return buckets.computeIfAbsent(credential, k -> new Bucket(perMinute, System.nanoTime())).take(System.nanoTime());
    }

    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long updated;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.perNano = perMinute / 60e9;
            this.tokens = perMinute;
            this.updated = now;
        }

        synchronized OptionalLong take(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
