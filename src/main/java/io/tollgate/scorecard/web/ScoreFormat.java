package io.tollgate.scorecard.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Scores in templates, called as {@code score:shown(value)} and {@code score:band(value)}: functions rather than
 * extension methods, since a missing score is null.
 */
@TemplateExtension(namespace = "score")
public class ScoreFormat {

    private ScoreFormat() {
    }

    /** The heatmap colour class of a score: none, low (&lt; 50), fair (&lt; 70), good (&lt; 90) or top. */
    static String band(Double score) {
        if (score == null) {
            return "heat-none";
        }
        return score < 50 ? "heat-low" : score < 70 ? "heat-fair" : score < 90 ? "heat-good" : "heat-top";
    }

    /** A score for display: one decimal, or a dash for "no data". */
    static String shown(Double score) {
        return score == null ? "—" : String.valueOf(score);
    }
}
