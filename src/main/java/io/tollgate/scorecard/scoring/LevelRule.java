package io.tollgate.scorecard.scoring;

import io.tollgate.scorecard.Level;

/**
 * One check of a level, as written in content/scorecard/levels.tsv.
 *
 * @param check     the metric: open_critical, high_past_sla, score, training, members_trained, control:&lt;id&gt;
 *                  or fresh:&lt;kind&gt;
 * @param operator  {@code <=}, {@code >=} or {@code passes}
 * @param threshold the bound for {@code <=} and {@code >=}
 */
public record LevelRule(Level level, String check, String operator, Double threshold, String label) {
}
