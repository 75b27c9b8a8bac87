package io.tollgate.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock of the application, so that tests can reason about time. */
@ApplicationScoped
public class Clocks {

    @Produces
    @Singleton
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
