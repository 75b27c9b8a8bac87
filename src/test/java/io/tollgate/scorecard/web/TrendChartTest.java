package io.tollgate.scorecard.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The trend chart's geometry: days along x, scores 100 at the top to 0 at the bottom of the plot. */
class TrendChartTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = FROM.plusDays(90);

    @Test
    void placesEachDayAndScore() {
        // Plot: x from 36 to 628 (592 wide) over 90 days, y from 10 (100) to 176 (0), 166 high.
        TrendChart chart = TrendChart.of(Map.of(FROM, 100.0, FROM.plusDays(45), 50.0, TO, 0.0), FROM, TO);

        assertThat(chart.points()).isEqualTo("36.0,10.0 332.0,93.0 628.0,176.0");
        assertThat(chart.yTicks()).extracting(TrendChart.Tick::label).containsExactly("0", "50", "100");
        assertThat(chart.xTicks()).extracting(TrendChart.Tick::label)
                .containsExactly("2026-01-01", "2026-02-15", "2026-04-01");
        assertThat(chart.summary()).isEqualTo("From 100.0 on 2026-01-01 to 0.0 on 2026-04-01.");
    }

    @Test
    void leavesOutDaysOutsideTheRangeAndSaysWhenThereIsNothing() {
        TrendChart chart = TrendChart.of(Map.of(FROM.minusDays(1), 70.0), FROM, TO);

        assertThat(chart.dots()).isEmpty();
        assertThat(chart.points()).isEmpty();
        assertThat(chart.summary()).isEqualTo("No score recorded from 2026-01-01 to 2026-04-01.");
    }
}
