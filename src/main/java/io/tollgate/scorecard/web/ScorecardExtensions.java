package io.tollgate.scorecard.web;

import io.quarkus.qute.TemplateExtension;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.scorecard.Pillar;
import io.tollgate.scorecard.scoring.PillarScore;

import java.util.Locale;

/** View helpers of the scorecard templates: readable names and a pillar's part of the score. */
@TemplateExtension
public class ScorecardExtensions {

    private ScorecardExtensions() {
    }

    static String label(Pillar pillar) {
        return pillar.key().substring(0, 1).toUpperCase(Locale.ROOT) + pillar.key().substring(1);
    }

    /** A pillar's part of the weighted sum, weight × value, one decimal; a dash for "no data". */
    static String weighted(PillarScore pillar) {
        return pillar.missing() ? "—" : String.valueOf(Math.round(pillar.value() * pillar.weight() * 10) / 10.0);
    }

    /** A severity in lower case, as the content files write it. */
    static String lower(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
