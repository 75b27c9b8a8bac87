package io.tollgate.gate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the promotion gate. */
@ConfigMapping(prefix = "tollgate.gate")
public interface GateConfig {

    /** The longest a waiver may run, in days from the day it is requested. */
    @WithDefault("90")
    int waiverMaxDays();

    /** How many days ahead the "expiring soon" list of waivers looks. */
    @WithDefault("7")
    int waiverExpiringDays();
}
