package io.tollgate.gate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of the promotion gate. */
@ConfigMapping(prefix = "tollgate.gate")
public interface GateConfig {

    /** The longest a waiver may run, in days from the day it is requested. */
    @WithDefault("90")
    int waiverMaxDays();

    /** How many days ahead the "expiring soon" list of waivers looks. */
    @WithDefault("7")
    int waiverExpiringDays();

    /** How often lapsed finding waivers are ended, as a scheduler interval such as {@code 1m}. */
    @WithDefault("1m")
    String waiverExpiryEvery();

    /** Moving a promoted account into the production OU of AWS Organizations. */
    Organizations organizations();

    /** AWS Organizations; off unless a production OU is set. Credentials come from the SDK's default chain. */
    interface Organizations {

        /** The production OU ({@code ou-...}); when empty, a promotion moves the account in Tollgate only. */
        Optional<String> productionOuId();

        /** The region whose Organizations endpoint is called. */
        @WithDefault("us-east-1")
        String region();

        /** An endpoint to call instead of AWS's own, such as a VPC endpoint. */
        Optional<URI> endpoint();

        /** A role in the management account to assume through STS for the move; else the default credentials act. */
        Optional<String> roleArn();

        /** How long one call to AWS may take, retries included, before the move counts as failed. */
        @WithDefault("20s")
        Duration timeout();
    }
}
