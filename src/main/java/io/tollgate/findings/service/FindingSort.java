package io.tollgate.findings.service;

import io.tollgate.findings.Finding;

import java.util.Locale;

/** Orders of the findings list; each pairs a value of the finding with its id so that a cursor can resume exactly. */
public enum FindingSort {
    /** Most severe first. */
    SEVERITY("f.severityRank", true),
    /** Most recently detected first. */
    NEWEST("f.firstSeenAt", true),
    /** Longest known first. */
    OLDEST("f.firstSeenAt", false),
    /** Most recently reported first. */
    LAST_SEEN("coalesce(f.seenAgainAt, f.firstSeenAt)", true);

    /** The value sorted by, in HQL over the finding {@code f}. */
    final String value;
    final boolean descending;

    FindingSort(String value, boolean descending) {
        this.value = value;
        this.descending = descending;
    }

    /** The sort column's value of a finding, as text for the cursor. */
    String valueOf(Finding finding) {
        return switch (this) {
            case SEVERITY -> Integer.toString(finding.severityRank);
            case NEWEST, OLDEST -> finding.firstSeenAt.toString();
            case LAST_SEEN -> finding.lastSeenAt().toString();
        };
    }

    /** The name of the order in the {@code sort} parameter. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FindingSort fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return SEVERITY;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "severity" -> SEVERITY;
            case "newest" -> NEWEST;
            case "oldest" -> OLDEST;
            case "last-seen", "last_seen" -> LAST_SEEN;
            default -> throw new io.tollgate.platform.InvalidInputException("sort",
                    "must be one of severity, newest, oldest, last-seen");
        };
    }
}
