package io.tollgate.gate.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Ends lapsed finding waivers every minute, so that their findings are open again without anyone clicking. */
@ApplicationScoped
class WaiverExpiry {

    private final WaiverService waivers;

    WaiverExpiry(WaiverService waivers) {
        this.waivers = waivers;
    }

    @Scheduled(every = "${tollgate.gate.waiver-expiry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void endLapsed() {
        waivers.endLapsed(null);
    }
}
