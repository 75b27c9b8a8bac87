package io.tollgate.scorecard;

import java.util.Locale;

/** The four pillars of a scorecard, each scored 0 to 100. */
public enum Pillar {
    VULNERABILITIES, CONTROLS, TRAINING, FRESHNESS;

    /** The name used in content files, URLs and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
