package io.tollgate.training.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The due date is the last day: overdue from the day after, due soon within the last week. */
class ItemStatusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void dueTodayIsNotYetOverdue() {
        assertThat(ItemStatus.of(0, 3, TODAY, TODAY, 7)).isEqualTo(ItemStatus.DUE_SOON);
        assertThat(ItemStatus.of(0, 3, TODAY.minusDays(1), TODAY, 7)).isEqualTo(ItemStatus.OVERDUE);
    }

    @Test
    void dueSoonWithinTheWindowElseOpen() {
        assertThat(ItemStatus.of(1, 3, TODAY.plusDays(7), TODAY, 7)).isEqualTo(ItemStatus.DUE_SOON);
        assertThat(ItemStatus.of(1, 3, TODAY.plusDays(8), TODAY, 7)).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void doneWinsOverTheDate() {
        assertThat(ItemStatus.of(3, 3, TODAY.minusDays(30), TODAY, 7)).isEqualTo(ItemStatus.DONE);
    }
}
