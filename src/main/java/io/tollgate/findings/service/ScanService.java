package io.tollgate.findings.service;

import io.tollgate.findings.Scan;
import io.tollgate.org.Membership;
import io.tollgate.org.Team;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scan history: every upload with its outcome, newest first. */
@ApplicationScoped
public class ScanService {

    /** Filters of the scan history; empty values match everything. */
    public record ScanQuery(String team, String environment, String component, String outcome) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<Scan> history(Viewer viewer, ScanQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.team() != null && !query.team().isBlank()) {
            Team team = Team.findBySlug(query.team()).orElseThrow(() -> new NotFoundException("Team", query.team()));
            if (!viewer.readsAllTeams() && !Membership.isMember(team.id, viewer.personId())) {
                throw new NotFoundException("Team", query.team());
            }
            where.append(" and s.team.id = :team");
            parameters.put("team", team.id);
        } else if (!viewer.readsAllTeams()) {
            where.append(" and exists (from Membership m where m.team = s.team and m.person.id = :viewer)");
            parameters.put("viewer", viewer.personId());
        }
        if (query.environment() != null && !query.environment().isBlank()) {
            where.append(" and s.environment.key = :environment");
            parameters.put("environment", query.environment().strip());
        }
        if (query.component() != null && !query.component().isBlank()) {
            where.append(" and s.component.key = :component");
            parameters.put("component", query.component().strip());
        }
        if (query.outcome() != null && !query.outcome().isBlank()) {
            try {
                parameters.put("outcome", Scan.Outcome.valueOf(query.outcome().strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new io.tollgate.platform.InvalidInputException("outcome", "must be IMPORTED or REFUSED");
            }
            where.append(" and s.outcome = :outcome");
        }
        List<Scan> scans = Scan.<Scan>find("from Scan s join fetch s.team join fetch s.environment left join fetch s.component where "
                + where + " order by s.receivedAt desc, s.id desc", parameters).page(page.panache()).list();
        return Paged.of(scans, page, Scan.count("from Scan s where " + where, parameters));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Scan get(Viewer viewer, long id) {
        Scan scan = Scan.<Scan>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Scan", id));
        if (!viewer.readsAllTeams() && !Membership.isMember(scan.team.id, viewer.personId())) {
            throw new NotFoundException("Scan", id);
        }
        return scan;
    }
}
