package io.tollgate.training.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The three tracks lessons belong to, in the order the catalogue shows them. */
public enum Track {
    PRACTICES("practices", "The seven practices of the talk"),
    OWASP_TOP10_2025("owasp-top10-2025", "OWASP Top 10:2025"),
    SERVERLESS_TOP10("serverless-top10", "Serverless Top 10");

    private final String id;
    private final String title;

    Track(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The id lessons give in their front matter. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Optional<Track> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
