package io.tollgate.findings.service;

import io.tollgate.findings.Finding;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the findings of one team in one environment add up to, for the scorecard. */
@ApplicationScoped
public class FindingFigures {

    /**
     * @param scanned           whether any report was imported for the team in the environment
     * @param open              open, unsuppressed findings by severity
     * @param pastSla           of those, the ones past their SLA
     * @param waived            false positives, accepted risks and findings suppressed in the source
     * @param openByOwasp       open, unsuppressed findings by OWASP Top 10 category, most first
     * @param controls          each evaluated control id and whether its latest result passes on every resource
     * @param lastImportByTool  when the last report of each parser id (or tool, for a scan without one) was imported
     */
    public record Figures(boolean scanned, Map<Severity, Integer> open, Map<Severity, Integer> pastSla, int waived,
                          Map<String, Long> openByOwasp, Map<String, Boolean> controls, Map<String, Instant> lastImportByTool) {
    }

    /**
     * Open and past-SLA counts of the findings new since a moment, by severity.
     *
     * @param open    open, unsuppressed findings first seen or reopened after the moment
     * @param pastSla of those, the ones past their SLA
     */
    public record NewFindings(Map<Severity, Integer> open, Map<Severity, Integer> pastSla) {
    }

    private static final String NEW_SINCE = """
            SELECT severity, count(*), count(*) FILTER (WHERE sla_due_at < ?4)
            FROM finding f WHERE team_id = ?1 AND environment_id = ?2 AND status = 'OPEN' AND NOT suppressed
              AND (first_seen_at > ?3 OR EXISTS (SELECT 1 FROM finding_event e
                   WHERE e.finding_id = f.id AND e.kind = 'REOPENED' AND e.occurred_at > ?3))
            GROUP BY severity""";

    /**
     * The non-fixed findings by severity and, in the same pass over them, the open ones by OWASP category: one read
     * of a team's findings instead of two, which counts when an import has just added a hundred thousand.
     */
    private static final String SEVERITIES_AND_CATEGORIES = """
            SELECT GROUPING(owasp_category) = 0, severity, owasp_category,
                   count(*) FILTER (WHERE status = 'OPEN' AND NOT suppressed),
                   count(*) FILTER (WHERE status = 'OPEN' AND NOT suppressed AND sla_due_at < ?3),
                   count(*) FILTER (WHERE status IN ('FALSE_POSITIVE', 'RISK_ACCEPTED') OR (status = 'OPEN' AND suppressed))
            FROM finding WHERE team_id = ?1 AND environment_id = ?2 AND status <> 'FIXED'
            GROUP BY GROUPING SETS ((severity), (owasp_category))""";

    /** The latest result of each check on each resource, then a control passes when all of its results do. */
    private static final String CONTROLS = """
            SELECT control_id, bool_and(passed) FROM (
                SELECT DISTINCT ON (component_id, control_id, check_id, coalesce(resource, '')) control_id, passed
                FROM control_evaluation WHERE team_id = ?1 AND environment_id = ?2 AND control_id IS NOT NULL
                ORDER BY component_id, control_id, check_id, coalesce(resource, ''), evaluated_at DESC, id DESC) latest
            GROUP BY control_id""";

    private static final String SCANS = """
            SELECT coalesce(format, tool), max(received_at) FROM scan
            WHERE team_id = ?1 AND environment_id = ?2 AND outcome = 'IMPORTED' GROUP BY coalesce(format, tool)""";

    /** The open findings of the team in the environment first seen, or reopened, after {@code since}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NewFindings newSince(long teamId, long environmentId, Instant since, Instant now) {
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        Map<Severity, Integer> pastSla = new EnumMap<>(Severity.class);
        for (Object[] row : SqlValues.rows(Finding.getEntityManager().createNativeQuery(NEW_SINCE).setParameter(1, teamId)
                .setParameter(2, environmentId).setParameter(3, Timestamp.from(since)).setParameter(4, Timestamp.from(now))
                .getResultList())) {
            Severity severity = Severity.valueOf((String) row[0]);
            open.put(severity, ((Number) row[1]).intValue());
            pastSla.put(severity, ((Number) row[2]).intValue());
        }
        return new NewFindings(open, pastSla);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures of(long teamId, long environmentId, Instant now) {
        EntityManager em = Finding.getEntityManager();
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        Map<Severity, Integer> pastSla = new EnumMap<>(Severity.class);
        int waived = 0;
        List<Map.Entry<String, Long>> categories = new ArrayList<>();
        for (Object[] row : SqlValues.rows(em.createNativeQuery(SEVERITIES_AND_CATEGORIES).setParameter(1, teamId)
                .setParameter(2, environmentId).setParameter(3, Timestamp.from(now)).getResultList())) {
            long openCount = ((Number) row[3]).longValue();
            if ((Boolean) row[0]) {
                if (row[2] != null && openCount > 0) {
                    categories.add(Map.entry((String) row[2], openCount));
                }
                continue;
            }
            Severity severity = Severity.valueOf((String) row[1]);
            open.put(severity, (int) openCount);
            pastSla.put(severity, ((Number) row[4]).intValue());
            waived += ((Number) row[5]).intValue();
        }
        categories.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> owasp = new LinkedHashMap<>();
        categories.forEach(category -> owasp.put(category.getKey(), category.getValue()));
        Map<String, Boolean> controls = new HashMap<>();
        for (Object[] row : SqlValues.rows(em.createNativeQuery(CONTROLS).setParameter(1, teamId).setParameter(2, environmentId).getResultList())) {
            controls.put((String) row[0], (Boolean) row[1]);
        }
        Map<String, Instant> scans = new HashMap<>();
        for (Object[] row : SqlValues.rows(em.createNativeQuery(SCANS).setParameter(1, teamId).setParameter(2, environmentId).getResultList())) {
            scans.put((String) row[0], SqlValues.instant(row[1]));
        }
        return new Figures(!scans.isEmpty(), open, pastSla, waived, owasp, controls, scans);
    }
}
