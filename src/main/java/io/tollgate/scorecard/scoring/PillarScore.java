package io.tollgate.scorecard.scoring;

import io.tollgate.scorecard.Pillar;

import java.util.List;

/**
 * One pillar of a scorecard.
 *
 * @param value  0 to 100 with one decimal; null when the pillar has no data
 * @param weight the pillar's weight from content/scorecard/scoring.tsv
 */
public record PillarScore(Pillar pillar, Double value, double weight, List<Check> checks) {

    public boolean missing() {
        return value == null;
    }
}
