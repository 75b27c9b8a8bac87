package io.tollgate.scorecard.scoring;

import io.tollgate.scorecard.Pillar;

/**
 * Something a team can do next, with the points it would add to the combined score, computed by scoring the
 * inputs as they would be once it is done.
 *
 * @param lesson the lesson that teaches the fix, when one does
 */
public record FixItem(Pillar pillar, String action, double gain, String lesson) {
}
