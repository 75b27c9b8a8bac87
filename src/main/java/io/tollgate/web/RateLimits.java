package io.tollgate.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.tollgate.platform.RateLimitedException;
import io.tollgate.security.SessionIdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Holds each person to the per-minute limits of {@link LimitsConfig} on the methods marked {@link RateLimited}
 * (ASVS 2.4.1). A fixed one-minute window per person and limit, kept in memory on this instance; the call over the
 * limit is refused with 429 and Retry-After before the resource method runs, so it changes nothing. Calls without a signed-in
 * person are left to authentication, which refuses them.
 */
@ApplicationScoped
public class RateLimits {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int PRUNE_ABOVE = 10_000;

    /** The limits, each named in the 429 answer. */
    public enum Limit {
        UPLOADS("uploads", LimitsConfig::uploadsPerMinute),
        GATE_EVALUATIONS("gate-evaluations", LimitsConfig::gateEvaluationsPerMinute),
        EXPORTS("exports", LimitsConfig::exportsPerMinute);

        final String id;
        final ToIntFunction<LimitsConfig> perMinute;

        Limit(String id, ToIntFunction<LimitsConfig> perMinute) {
            this.id = id;
            this.perMinute = perMinute;
        }
    }

    private record Window(long startMillis, int calls) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private final LimitsConfig config;
    private final Clock clock;
    private final SecurityIdentity identity;

    RateLimits(LimitsConfig config, Clock clock, SecurityIdentity identity) {
        this.config = config;
        this.clock = clock;
        this.identity = identity;
    }

    @ServerRequestFilter
    public void count(ResourceInfo resource) {
        RateLimited marked = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (marked == null || identity.isAnonymous()) {
            return;
        }
        Long personId = identity.getAttribute(SessionIdentityProvider.PERSON_ID);
        String who = personId != null ? "person:" + personId : "principal:" + identity.getPrincipal().getName();
        take(marked.value(), who);
    }

    /** Counts one call of {@code who} against {@code limit}, or refuses it when the window's calls are used up. */
    private void take(Limit limit, String who) {
        int allowed = limit.perMinute.applyAsInt(config);
        long now = clock.millis();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> now - w.startMillis() >= WINDOW.toMillis());
        }
        Window window = windows.compute(limit.id + "|" + who, (key, old) -> {
            if (old == null || now - old.startMillis() >= WINDOW.toMillis()) {
                return new Window(now, 1);
            }
            return new Window(old.startMillis(), old.calls() + 1);
        });
        if (window.calls() > allowed) {
            throw new RateLimitedException(limit.id, allowed, Duration.ofMillis(window.startMillis() + WINDOW.toMillis() - now));
        }
    }
}
