package io.tollgate.ci.service;

import io.tollgate.ci.CiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed webhook authentications per client address: after {@code failuresPerAddress} failures within
 * {@code failureWindow} the address is refused until the window ends, before any credential is looked up. Forged
 * requests so cost their sender, never the team they name. The windows live in this instance's memory; at most
 * {@value #MAX_ADDRESSES} addresses are tracked at once, the expired ones making room for new ones.
 */
@ApplicationScoped
public class FailureLimiter {

    static final int MAX_ADDRESSES = 100_000;

    private final int limit;
    private final long windowNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    FailureLimiter(CiConfig config) {
        this.limit = config.failuresPerAddress();
        this.windowNanos = config.failureWindow().toNanos();
    }

    /** Empty if the address may try to authenticate, else the seconds until it may again. */
    public OptionalLong blocked(String address) {
        Window window = windows.get(address);
        return window == null ? OptionalLong.empty() : window.blocked(System.nanoTime());
    }

    /** Counts a failed authentication of the address. */
    public void failed(String address) {
        long now = System.nanoTime();
        if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(address)) {
            windows.values().removeIf(w -> w.expired(now));
        }
        if (windows.size() < MAX_ADDRESSES || windows.containsKey(address)) {
            windows.computeIfAbsent(address, a -> new Window(now)).count(now);
        }
    }

    private final class Window {
        private long start;
        private int failures;

        Window(long start) {
            this.start = start;
        }

        synchronized void count(long now) {
            if (now - start >= windowNanos) {
                start = now;
                failures = 0;
            }
            failures++;
        }

        synchronized OptionalLong blocked(long now) {
            long left = windowNanos - (now - start);
            if (left <= 0 || failures < limit) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (left + 999_999_999L) / 1_000_000_000L));
        }

        synchronized boolean expired(long now) {
            return now - start >= windowNanos;
        }
    }
}
