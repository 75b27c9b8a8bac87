package io.tollgate.scorecard.scoring;

import io.tollgate.scorecard.Level;
import io.tollgate.scorecard.Pillar;

import java.util.List;
import java.util.Map;

/**
 * A computed scorecard with its reasons.
 *
 * @param score      the weighted mean of the pillars that have data, one decimal; null when none has
 * @param incomplete whether a pillar has no data, so that the score rests on fewer inputs than it should
 * @param level      the highest level whose checks, and those of every level below, all pass; null for none
 * @param levels     the checks of each level
 * @param fixNext    what would raise the score, most first
 */
public record Scorecard(Double score, boolean incomplete, Level level, List<PillarScore> pillars,
                        Map<Level, List<Check>> levels, List<FixItem> fixNext) {

    public PillarScore pillar(Pillar pillar) {
        return pillars.stream().filter(p -> p.pillar() == pillar).findFirst().orElseThrow();
    }
}
