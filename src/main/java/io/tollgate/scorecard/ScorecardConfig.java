package io.tollgate.scorecard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the scorecards. */
@ConfigMapping(prefix = "tollgate.scorecard")
public interface ScorecardConfig {

    /** Whether this instance takes part in the daily snapshot; any number of instances may, it runs once a day. */
    @WithDefault("true")
    boolean dailyEnabled();

    /** How often an instance checks whether today's daily snapshot has been taken. */
    @WithDefault("PT15M")
    Duration dailyCheckInterval();

    /** How many days of history the trend charts show. */
    @WithDefault("90")
    int trendDays();
}
