package io.tollgate.audit;

/** Filters of the audit log; an empty filter matches everything. */
public record AuditQuery(String subjectType, String action, String actor) {

    public AuditQuery {
        subjectType = blankToNull(subjectType);
        action = blankToNull(action);
        actor = blankToNull(actor);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
