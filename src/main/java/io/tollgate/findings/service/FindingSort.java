package io.tollgate.findings.service;

import io.tollgate.findings.Finding;

import java.time.Instant;

/** Orders of the findings list; each pairs a column with the id so that a cursor can resume exactly. */
public enum FindingSort {
    /** Most severe first. */
    SEVERITY("severityRank", true),
    /** Most recently detected first. */
    NEWEST("firstSeenAt", true),
    /** Longest known first. */
    OLDEST("firstSeenAt", false),
    /** Most recently reported first. */
    LAST_SEEN("lastSeenAt", true);

    final String column;
    final boolean descending;

    FindingSort(String column, boolean descending) {
        this.column = column;
        this.descending = descending;
    }

    /** The sort column's value of a finding, as text for the cursor. */
    String valueOf(Finding finding) {
        return switch (this) {
            case SEVERITY -> Integer.toString(finding.severityRank);
            case NEWEST, OLDEST -> finding.firstSeenAt.toString();
            case LAST_SEEN -> finding.lastSeenAt.toString();
        };
    }

    Object parse(String value) {
        return this == SEVERITY ? Integer.valueOf(value) : Instant.parse(value);
    }

    public static FindingSort fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return SEVERITY;
        }
        return switch (value.strip().toLowerCase()) {
            case "severity" -> SEVERITY;
            case "newest" -> NEWEST;
            case "oldest" -> OLDEST;
            case "last-seen", "last_seen" -> LAST_SEEN;
            default -> throw new io.tollgate.platform.InvalidInputException("sort",
                    "must be one of severity, newest, oldest, last-seen");
        };
    }
}
