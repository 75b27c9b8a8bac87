package io.tollgate.platform;

import java.time.Duration;

/** A person used up a per-person limit on costly calls; {@code limit} names it, {@code retryAfter} says how long to wait. */
public class RateLimitedException extends RuntimeException {

    private final String limit;
    private final Duration retryAfter;

    public RateLimitedException(String limit, int perMinute, Duration retryAfter) {
        super("The limit '" + limit + "' of " + perMinute + " calls per minute for each person is used up; try again in "
                + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public String limit() {
        return limit;
    }

    /** Whole seconds to wait, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
