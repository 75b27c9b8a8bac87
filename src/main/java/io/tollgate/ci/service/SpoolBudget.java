package io.tollgate.ci.service;

import io.tollgate.ci.CiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that webhook bodies being received may take on disk together ({@code tollgate.ci.max-spool-bytes}).
 * A request claims its declared length before its body is written, or claims as it goes when it declares none;
 * a claim past the total is refused with 503 and Retry-After, and closing a claim gives its bytes back.
 */
@ApplicationScoped
public class SpoolBudget {

    private static final long RETRY_AFTER_SECONDS = 30;

    private final long total;
    private final AtomicLong used = new AtomicLong();

    SpoolBudget(CiConfig config) {
        this.total = config.maxSpoolBytes();
    }

    /** Claims {@code bytes} at once; refused with 503 when the total would be passed. */
    Claim claim(long bytes) {
        Claim claim = new Claim();
        claim.cover(bytes);
        return claim;
    }

    /** Bytes claimed now, by all requests. */
    long used() {
        return used.get();
    }

    private void take(long bytes) {
        long before;
        do {
            before = used.get();
            if (before + bytes > total) {
                throw new WebhookRefusedException(503, "Busy", "Tollgate is receiving as many webhook bodies as it may"
                        + " store at once (" + total + " bytes together); retry after " + RETRY_AFTER_SECONDS + " s",
                        RETRY_AFTER_SECONDS);
            }
        } while (!used.compareAndSet(before, before + bytes));
    }

    /** One request's share of the budget. */
    final class Claim implements AutoCloseable {
        private long held;

        /** Makes sure that {@code size} bytes are claimed, claiming the difference. */
        void cover(long size) {
            if (size > held) {
                take(size - held);
                held = size;
            }
        }

        @Override
        public void close() {
            used.addAndGet(-held);
            held = 0;
        }
    }
}
