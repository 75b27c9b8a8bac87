package io.tollgate.training.service;

import java.time.LocalDate;

/** Where an assignment stands on a given day. The due date is the last day to complete it. */
public enum ItemStatus {
    DONE, OVERDUE, DUE_SOON, OPEN;

    static ItemStatus of(int completed, int total, LocalDate dueOn, LocalDate today, int dueSoonDays) {
        if (completed >= total) {
            return DONE;
        }
        if (today.isAfter(dueOn)) {
            return OVERDUE;
        }
        return dueOn.isAfter(today.plusDays(dueSoonDays)) ? OPEN : DUE_SOON;
    }

    /** The CSS class suffix: the same colour for the same status everywhere. */
    public String css() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The label the portal shows. */
    public String label() {
        return switch (this) {
            case DONE -> "done";
            case OVERDUE -> "overdue";
            case DUE_SOON -> "due soon";
            case OPEN -> "open";
        };
    }
}
