package io.tollgate.scorecard.service;

import io.tollgate.org.Environment;
import io.tollgate.platform.SqlValues;
import io.tollgate.scorecard.Level;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecards of every team the viewer may see, read from the latest snapshots: a team × environment grid,
 * the organisation's trend and the week's biggest movers.
 */
@ApplicationScoped
public class OrganisationOverview {

    /** The latest scorecard of a team in an environment, and its score a week before, when there was one. */
    public record Cell(String environment, Double score, Level level, boolean incomplete, Instant takenAt, Double weekAgo) {

        /** The change in score over the week; null without both figures. */
        public Double change() {
            return score == null || weekAgo == null ? null : Math.round((score - weekAgo) * 10) / 10.0;
        }
    }

    /** One team's row of the grid, by environment key. */
    public record Row(String team, String teamName, Map<String, Cell> cells) {

        /** The mean of the team's scores across environments, for sorting; null without any. */
        public Double mean() {
            return cells.values().stream().map(Cell::score).filter(s -> s != null).mapToDouble(Double::doubleValue)
                    .average().stream().boxed().findFirst().map(m -> Math.round(m * 10) / 10.0).orElse(null);
        }
    }

    /** The mean score of the organisation on a day: the mean of that day's daily snapshots. */
    public record TrendPoint(LocalDate day, double score) {
    }

    /** A team whose score in an environment moved most in the last seven days. */
    public record Mover(String team, String teamName, String environment, double from, double to, double change) {
    }

    /** The whole overview. */
    public record Overview(List<String> environments, List<Row> rows, List<TrendPoint> trend, List<Mover> movers,
                           Map<Level, Long> levels, Double meanScore) {
    }

    private static final int MOVERS = 5;

    private static final String VISIBLE = " AND (CAST(?2 AS BOOLEAN) OR t.id IN (SELECT team_id FROM membership WHERE person_id = ?3))";

    /** The latest snapshot of each team and environment, and the latest a week ago, by the (team, environment, time) index. */
    private static final String LATEST = """
            SELECT t.slug, t.name, e.key, l.score, l.level, l.incomplete, l.taken_at, w.score
            FROM team t CROSS JOIN environment e
            CROSS JOIN LATERAL (SELECT s.score, s.level, s.incomplete, s.taken_at FROM scorecard_snapshot s
                WHERE s.team_id = t.id AND s.environment_id = e.id ORDER BY s.taken_at DESC, s.id DESC LIMIT 1) l
            LEFT JOIN LATERAL (SELECT s.score FROM scorecard_snapshot s
                WHERE s.team_id = t.id AND s.environment_id = e.id AND s.taken_at <= ?1
                ORDER BY s.taken_at DESC, s.id DESC LIMIT 1) w ON TRUE
            WHERE TRUE""" + VISIBLE + """
             ORDER BY t.slug, e.position""";

    /** The mean of the daily snapshots of each day, one per team and environment. */
    private static final String TREND = """
            SELECT CAST(s.taken_at AT TIME ZONE 'UTC' AS DATE), avg(s.score) FROM scorecard_snapshot s JOIN team t ON t.id = s.team_id
            WHERE s.cause = 'DAILY' AND s.taken_at >= ?1 AND s.score IS NOT NULL""" + VISIBLE + """
             GROUP BY 1 ORDER BY 1""";

    private final EntityManager em;
    private final Clock clock;

    OrganisationOverview(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview of(Viewer viewer, int trendDays) {
        Instant now = Instant.now(clock);
        List<String> environments = Environment.inPromotionOrder().stream().map(e -> e.key).toList();
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Mover> movers = new ArrayList<>();
        Map<Level, Long> levels = new LinkedHashMap<>();
        for (Object[] r : SqlValues.rows(em.createNativeQuery(LATEST).setParameter(1, Timestamp.from(now.minus(Duration.ofDays(7))))
                .setParameter(2, viewer.readsAllTeams()).setParameter(3, viewer.personId()).getResultList())) {
            Level level = r[4] == null ? null : Level.valueOf((String) r[4]);
            Cell cell = new Cell((String) r[2], number(r[3]), level, (Boolean) r[5], SqlValues.instant(r[6]), number(r[7]));
            rows.computeIfAbsent((String) r[0], slug -> new Row(slug, (String) r[1], new LinkedHashMap<>())).cells().put(cell.environment(), cell);
            if (cell.change() != null && cell.change() != 0) {
                movers.add(new Mover((String) r[0], (String) r[1], cell.environment(), cell.weekAgo(), cell.score(), cell.change()));
            }
            if (level != null) {
                levels.merge(level, 1L, Long::sum);
            }
        }
        movers.sort(Comparator.comparingDouble((Mover m) -> Math.abs(m.change())).reversed().thenComparing(Mover::team));
        List<TrendPoint> trend = SqlValues.rows(em.createNativeQuery(TREND).setParameter(1, Timestamp.from(now.minus(Duration.ofDays(trendDays))))
                .setParameter(2, viewer.readsAllTeams()).setParameter(3, viewer.personId()).getResultList()).stream()
                .map(r -> new TrendPoint((LocalDate) r[0], Math.round(((Number) r[1]).doubleValue() * 10) / 10.0)).toList();
        Double mean = rows.values().stream().flatMap(row -> row.cells().values().stream()).map(Cell::score)
                .filter(s -> s != null).mapToDouble(Double::doubleValue).average().stream().boxed().findFirst()
                .map(m -> Math.round(m * 10) / 10.0).orElse(null);
        List<Row> sorted = rows.values().stream().sorted(Comparator.comparing(Row::team)).toList();
        return new Overview(environments, sorted, trend, movers.subList(0, Math.min(MOVERS, movers.size())), levels, mean);
    }

    /**
     * The rows whose team slug or name contains {@code text} (ignoring case) and, when {@code level} is set, whose
     * cells include that level ("none" for a cell without one), sorted by team, or by mean score ("score" lowest
     * first, "-score" highest first).
     */
    public static List<Row> select(List<Row> rows, String text, String level, String sort) {
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        Comparator<Row> order = switch (sort == null ? "" : sort) {
            case "score" -> Comparator.comparing(Row::mean, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "-score" -> Comparator.comparing(Row::mean, Comparator.nullsLast(Comparator.reverseOrder()));
            default -> Comparator.comparing(Row::team);
        };
        return rows.stream()
                .filter(r -> needle.isEmpty() || r.team().contains(needle) || r.teamName().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .filter(r -> level == null || level.isBlank() || r.cells().values().stream().anyMatch(c -> level.equalsIgnoreCase(
                        c.level() == null ? "none" : c.level().name())))
                .sorted(order.thenComparing(Row::team)).toList();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
