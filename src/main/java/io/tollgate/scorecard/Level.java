package io.tollgate.scorecard;

import java.util.Locale;

/** The levels a team reaches in an environment, lowest first; each requires every check of the ones below. */
public enum Level {
    BRONZE, SILVER, GOLD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + key().substring(1);
    }
}
