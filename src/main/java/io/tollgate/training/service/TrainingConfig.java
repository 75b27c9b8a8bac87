package io.tollgate.training.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the training: pass mark and due dates. */
@ConfigMapping(prefix = "tollgate.training")
public interface TrainingConfig {

    /** The share of a quiz's questions, in percent, that a learner must answer right to pass. */
    @WithDefault("80")
    int passMark();

    /** Days before its due date from which an assignment shows as due soon. */
    @WithDefault("7")
    int dueSoonDays();

    /** Days allowed for a lesson assigned without a due date (a curriculum allows its own due-days). */
    @WithDefault("14")
    int lessonDueDays();
}
