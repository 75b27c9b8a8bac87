package io.tollgate.findings.service;

import io.tollgate.findings.FindingStatus;
import io.tollgate.findings.parsers.Severity;

import java.util.Set;

/**
 * Filters of the findings list; empty filters match everything. Without a status filter only open findings are
 * listed, since that is what people act on.
 */
public record FindingQuery(String team, String environment, String component, String tool, Set<Severity> severities,
                           Set<FindingStatus> statuses, String owaspCategory, Integer cwe, String sasId, String practice,
                           String text) {

    public FindingQuery {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        statuses = statuses == null || statuses.isEmpty() ? Set.of(FindingStatus.OPEN) : Set.copyOf(statuses);
    }
}
