package io.tollgate.scorecard.service;

import io.tollgate.scorecard.Level;
import io.tollgate.scorecard.service.OrganisationOverview.Cell;
import io.tollgate.scorecard.service.OrganisationOverview.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Filtering and sorting the overview's rows. */
class OverviewSelectionTest {

    private static Row row(String team, Double dev, Level devLevel, Double prod) {
        return new Row(team, "Team " + team.toUpperCase(), Map.of(
                "dev", new Cell("dev", dev, devLevel, false, Instant.EPOCH, null),
                "prod", new Cell("prod", prod, null, true, Instant.EPOCH, null)));
    }

    private final List<Row> rows = List.of(row("payments", 90.0, Level.GOLD, 70.0), row("orders", 40.0, null, null),
            row("search", null, null, null));

    @Test
    void sortsByMeanScoreWithTeamsWithoutScoresLast() {
        assertThat(OrganisationOverview.select(rows, null, null, "-score")).extracting(Row::team)
                .containsExactly("payments", "orders", "search");
        assertThat(OrganisationOverview.select(rows, null, null, "score")).extracting(Row::team)
                .containsExactly("search", "orders", "payments");
        assertThat(OrganisationOverview.select(rows, null, null, null)).extracting(Row::team)
                .containsExactly("orders", "payments", "search");
        assertThat(rows.get(0).mean()).isEqualTo(80.0);
    }

    @Test
    void filtersByNameAndLevel() {
        assertThat(OrganisationOverview.select(rows, "PAY", null, null)).extracting(Row::team).containsExactly("payments");
        assertThat(OrganisationOverview.select(rows, null, "gold", null)).extracting(Row::team).containsExactly("payments");
        assertThat(OrganisationOverview.select(rows, null, "NONE", null)).extracting(Row::team)
                .containsExactly("orders", "payments", "search");
    }
}
