package io.tollgate.aws.collector;

import software.amazon.awssdk.regions.Region;

import java.time.LocalDate;
import java.util.List;

/** One part of a collection: a group of checks that finish together, so that a run can show its progress. */
interface CollectorStep {

    /** Shown while the step runs. */
    String name();

    /** The control ids whose outcome is known once the step has run. */
    List<String> controls();

    void run(Context context);

    /** What a step works with: the account's clients, the regions, what earlier steps found, and today's date. */
    record Context(AccountSession session, List<Region> regions, Evaluations evaluations, Inventory inventory,
                   LocalDate today) {
    }
}
