package io.tollgate.findings.service;

import io.quarkus.panache.common.Parameters;
import io.tollgate.audit.AuditLog;
import io.tollgate.findings.Finding;
import io.tollgate.findings.FindingEvent;
import io.tollgate.findings.FindingStatus;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.org.Membership;
import io.tollgate.org.Team;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.security.Viewer;
import io.tollgate.platform.TeamInputsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading findings with filters, counts and cursor pages, and the status changes people make. */
@ApplicationScoped
public class FindingService {

    public static final int MAX_PAGE = 200;
    private static final int MIN_REASON = 10;

    /** One page of findings and the cursor of the next, when there is one. */
    public record FindingPage(List<Finding> items, String nextCursor) {
    }

    /** Open counts for the filter bar: by severity and by OWASP category. */
    public record FindingCounts(Map<Severity, Long> bySeverity, Map<String, Long> byOwaspCategory, long total) {
    }

    /** A finding with its history. */
    public record FindingDetail(Finding finding, List<FindingEvent> history) {
    }

    private final AuditLog audit;
    private final Clock clock;
    private final Event<TeamInputsChanged> changed;

    FindingService(AuditLog audit, Clock clock, Event<TeamInputsChanged> changed) {
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FindingPage search(Viewer viewer, FindingQuery query, FindingSort sort, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        Filter filter = filter(viewer, query);
        StringBuilder where = new StringBuilder(filter.where);
        if (cursor != null && !cursor.isBlank()) {
            FindingCursor after = FindingCursor.read(cursor, sort);
            String comparison = sort.descending ? "<" : ">";
            where.append(" and (").append(sort.value).append(' ').append(comparison).append(" :cursorValue or (")
                    .append(sort.value).append(" = :cursorValue and f.id ").append(comparison).append(" :cursorId))");
            filter.parameters.and("cursorValue", after.value()).and("cursorId", after.id());
        }
        String direction = sort.descending ? " desc" : " asc";
        // range() is inclusive: one row more than asked says whether another page follows.
        List<Finding> rows = Finding.<Finding>find("from Finding f join fetch f.team join fetch f.environment join fetch f.component where "
                        + where + " order by " + sort.value + direction + ", f.id" + direction, filter.parameters)
                .range(0, limit).list();
        List<Finding> items = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            Finding last = items.get(items.size() - 1);
            next = FindingCursor.after(sort, last);
        }
        return new FindingPage(new ArrayList<>(items), next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FindingCounts counts(Viewer viewer, FindingQuery query) {
        Filter filter = filter(viewer, query);
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, 0L);
        }
        long total = 0;
        for (Object[] row : grouped("select f.severity, count(f) from Finding f where " + filter.where
                + " group by f.severity", filter)) {
            bySeverity.put((Severity) row[0], (Long) row[1]);
            total += (Long) row[1];
        }
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Object[] row : grouped("select f.owaspCategory, count(f) from Finding f where " + filter.where
                + " and f.owaspCategory is not null group by f.owaspCategory order by f.owaspCategory", filter)) {
            byCategory.put((String) row[0], (Long) row[1]);
        }
        return new FindingCounts(bySeverity, byCategory, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FindingDetail detail(Viewer viewer, long id) {
        Finding finding = visible(viewer, id);
        return new FindingDetail(finding, FindingEvent.historyOf(finding));
    }

    /**
     * Marks a finding a false positive, or opens it again. Risk acceptance goes through waivers instead.
     * Team leads and security admins may; the change is audited and survives re-imports.
     */
    @Transactional
    public Finding changeStatus(Viewer viewer, long id, FindingStatus status, String reason) {
        Finding finding = visible(viewer, id);
        if (!viewer.isSecurityAdmin() && !Membership.isLead(finding.team.id, viewer.personId())) {
            throw new ForbiddenException("Only the team's leads and security admins change a finding's status");
        }
        if (status != FindingStatus.FALSE_POSITIVE && status != FindingStatus.OPEN) {
            throw new InvalidInputException("status", "must be FALSE_POSITIVE or OPEN; risk acceptance goes through a waiver");
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw new InvalidInputException("reason", "explain the change in at least " + MIN_REASON + " characters");
        }
        if (status == FindingStatus.OPEN && finding.status != FindingStatus.FALSE_POSITIVE) {
            throw new InvalidInputException("status", "only a false positive can be opened again by hand");
        }
        FindingStatus before = finding.status;
        change(finding, status, viewer.email(), reason.strip());
        audit.record(viewer, "finding.status-changed", "finding", Long.toString(finding.id),
                Map.of("status", before.name()), Map.of("status", status.name(), "reason", finding.statusReason));
        return finding;
    }

    /**
     * A waiver's effect on its finding: RISK_ACCEPTED while the waiver is active, OPEN again when it ends. Only moves
     * between OPEN and RISK_ACCEPTED; a finding fixed or marked a false positive meanwhile keeps its status.
     *
     * @return whether the status changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean setByWaiver(long findingId, FindingStatus status, String actor, String reason) {
        Finding finding = Finding.findById(findingId);
        FindingStatus from = status == FindingStatus.RISK_ACCEPTED ? FindingStatus.OPEN : FindingStatus.RISK_ACCEPTED;
        if (finding == null) {
            return false;
        }
        if (finding.status == from) {
            change(finding, status, actor, reason);
            return true;
        }
        if (status == FindingStatus.OPEN) {
            note(finding, FindingEvent.Kind.WAIVER_ENDED, actor, reason + "; the finding stays " + finding.status);
        }
        return false;
    }

    private void note(Finding finding, FindingEvent.Kind kind, String actor, String detail) {
        FindingEvent event = new FindingEvent();
        event.findingId = finding.id;
        event.occurredAt = Instant.now(clock);
        event.kind = kind;
        event.actor = actor;
        event.detail = detail;
        event.persist();
    }

    /** Sets the status, writes the history entry and tells the scorecard. */
    private void change(Finding finding, FindingStatus status, String actor, String reason) {
        FindingStatus before = finding.status;
        Instant now = Instant.now(clock);
        finding.status = status;
        finding.statusReason = reason;
        finding.statusChangedBy = actor;
        finding.statusChangedAt = now;
        note(finding, FindingEvent.Kind.STATUS_CHANGED, actor, before + " → " + status + ": " + reason);
        changed.fire(new TeamInputsChanged(Set.of(finding.team.id), finding.environment.id, "FINDING_STATUS"));
    }

    private static List<Object[]> grouped(String hql, Filter filter) {
        var query = Finding.getEntityManager().createQuery(hql, Object[].class);
        filter.parameters.map().forEach(query::setParameter);
        return query.getResultList();
    }

    private Finding visible(Viewer viewer, long id) {
        Finding finding = Finding.<Finding>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Finding", id));
        if (!viewer.readsAllTeams() && !Membership.isMember(finding.team.id, viewer.personId())) {
            throw new NotFoundException("Finding", id);
        }
        return finding;
    }

    private record Filter(String where, Parameters parameters) {
    }

    private Filter filter(Viewer viewer, FindingQuery query) {
        StringBuilder where = new StringBuilder("f.status in :statuses");
        Parameters parameters = Parameters.with("statuses", query.statuses());
        if (query.team() != null && !query.team().isBlank()) {
            Team team = Team.findBySlug(query.team()).orElseThrow(() -> new NotFoundException("Team", query.team()));
            if (!viewer.readsAllTeams() && !Membership.isMember(team.id, viewer.personId())) {
                throw new NotFoundException("Team", query.team());
            }
            where.append(" and f.team.id = :team");
            parameters.and("team", team.id);
        } else if (!viewer.readsAllTeams()) {
            where.append(" and exists (from Membership m where m.team = f.team and m.person.id = :viewer)");
            parameters.and("viewer", viewer.personId());
        }
        addEquals(where, parameters, "f.environment.key", "environment", query.environment());
        addEquals(where, parameters, "f.component.key", "component", query.component());
        addEquals(where, parameters, "f.tool", "tool", query.tool());
        addEquals(where, parameters, "f.owaspCategory", "owasp", query.owaspCategory());
        addEquals(where, parameters, "f.sasId", "sas", query.sasId());
        addEquals(where, parameters, "f.practice", "practice", query.practice());
        if (!query.severities().isEmpty()) {
            where.append(" and f.severity in :severities");
            parameters.and("severities", query.severities());
        }
        if (query.cwe() != null) {
            where.append(" and array_contains(f.cweIds, :cwe)");
            parameters.and("cwe", query.cwe());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(f.title) like :text or lower(f.ruleId) like :text or lower(f.filePath) like :text"
                    + " or lower(f.packageName) like :text or lower(f.resource) like :text)");
            parameters.and("text", "%" + query.text().strip().toLowerCase() + "%");
        }
        return new Filter(where.toString(), parameters);
    }

    private static void addEquals(StringBuilder where, Parameters parameters, String path, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(path).append(" = :").append(name);
            parameters.and(name, value.strip());
        }
    }
}
