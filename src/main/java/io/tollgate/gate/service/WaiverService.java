package io.tollgate.gate.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.tollgate.audit.AuditLog;
import io.tollgate.controls.ControlCatalog;
import io.tollgate.findings.Finding;
import io.tollgate.findings.FindingStatus;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.findings.service.FindingService;
import io.tollgate.gate.GateConfig;
import io.tollgate.gate.Waiver;
import io.tollgate.gate.policy.Condition;
import io.tollgate.gate.policy.ConditionResult;
import io.tollgate.gate.policy.GateInputs;
import io.tollgate.gate.policy.GatePolicies;
import io.tollgate.org.Environment;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.SqlValues;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waivers: requested by a member of the team or a security admin, approved or denied by a security admin who is not the requester,
 * revocable; the gate applies the ones approved and not expired.
 */
@ApplicationScoped
public class WaiverService {

    private static final String WAIVED_FINDINGS = """
            SELECT f.severity, count(*), count(*) FILTER (WHERE f.sla_due_at < ?3), min(w.id)
            FROM waiver w JOIN finding f ON f.id = w.finding_id
            WHERE w.team_id = ?1 AND f.environment_id = ?2 AND w.kind = 'FINDING' AND w.state = 'APPROVED'
              AND w.expires_at > ?3 AND f.status = 'RISK_ACCEPTED' AND NOT f.suppressed
            GROUP BY f.severity""";

    private final TeamService teams;
    private final GateAccess access;
    private final GatePolicies policies;
    private final ControlCatalog controls;
    private final GateConfig config;
    private final AuditLog audit;
    private final InputValidator validator;
    private final FindingService findings;
    private final Clock clock;

    WaiverService(TeamService teams, GateAccess access, GatePolicies policies, ControlCatalog controls, GateConfig config,
                  AuditLog audit, InputValidator validator, FindingService findings, Clock clock) {
        this.teams = teams;
        this.access = access;
        this.findings = findings;
        this.policies = policies;
        this.controls = controls;
        this.config = config;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Records a request of a member of the team or a security admin (managers only read); a missing, past or too
     * distant expiry is refused, so that no waiver runs without end.
     */
    @Transactional
    public WaiverView request(Viewer viewer, WaiverRequest request) {
        validator.check(request);
        Team team = access.actingTeam(viewer, request.team(), "request waivers");
        boolean untilFixed = Boolean.TRUE.equals(request.untilFixed());
        if (untilFixed && request.kind() != Waiver.Kind.FINDING) {
            throw new InvalidInputException("untilFixed", "applies to a finding waiver only");
        }
        Long finding = request.kind() == Waiver.Kind.FINDING ? openFinding(team, request.subject()) : null;
        boolean known = switch (request.kind()) {
            case CONTROL -> controls.byId(request.subject()).isPresent();
            case CONDITION -> policies.forTeam(team.slug).conditions().stream().map(Condition::metric).anyMatch(request.subject()::equals);
            case FINDING -> true;
        };
        if (!known) {
            throw new InvalidInputException("subject", "is not a " + (request.kind() == Waiver.Kind.CONTROL
                    ? "control id" : "condition of the team's policy"));
        }
        Instant now = Instant.now(clock);
        Waiver waiver = new Waiver();
        waiver.team = team;
        waiver.kind = request.kind();
        waiver.subject = request.subject().strip();
        waiver.findingId = finding;
        waiver.untilFixed = untilFixed;
        waiver.reason = request.reason().strip();
        waiver.state = Waiver.State.REQUESTED;
        waiver.expiresAt = untilFixed && (request.expiresOn() == null || request.expiresOn().isBlank())
                ? expiry(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(config.waiverMaxDays()).toString(), now)
                : expiry(request.expiresOn(), now);
        waiver.requestedBy = Person.findById(viewer.personId());
        waiver.requestedAt = now;
        waiver.persist();
        audit.record(viewer, "gate.waiver-requested", "waiver", subject(waiver), null, state(waiver, now));
        return WaiverView.of(waiver, now);
    }

    /** Approves a request; a finding waiver makes its finding RISK_ACCEPTED at once. */
    @Transactional
    public WaiverView approve(Viewer viewer, long id) {
        WaiverView approved = decide(viewer, id, Waiver.State.REQUESTED, Waiver.State.APPROVED, "gate.waiver-approved");
        if (approved.finding() != null) {
            findings.setByWaiver(approved.finding(), FindingStatus.RISK_ACCEPTED, viewer.email(), "waiver " + id + " approved, "
                    + (approved.untilFixed() ? "until fixed, at the latest " : "until ") + approved.expiresAt());
        }
        return approved;
    }

    @Transactional
    public WaiverView deny(Viewer viewer, long id) {
        return decide(viewer, id, Waiver.State.REQUESTED, Waiver.State.DENIED, "gate.waiver-denied");
    }

    /** Ends an approved waiver now; it stays listed as revoked, and a waived finding is open again. */
    @Transactional
    public WaiverView revoke(Viewer viewer, long id) {
        WaiverView revoked = decide(viewer, id, Waiver.State.APPROVED, Waiver.State.REVOKED, "gate.waiver-revoked");
        if (revoked.finding() != null) {
            findings.setByWaiver(revoked.finding(), FindingStatus.OPEN, viewer.email(), "waiver " + id + " revoked");
        }
        return revoked;
    }

    /**
     * Ends the finding waivers of a team (or of every team when null) that lapsed: past their expiry, or "until fixed"
     * with their finding fixed. They are stored as EXPIRED and an accepted finding is open again. It also accepts the
     * finding of an active waiver that a scan reopened. Run by the gate before it counts, and every minute by
     * {@link WaiverExpiry}, so that nobody has to click for a waiver to end.
     */
    @Transactional
    public void endLapsed(Team team) {
        Instant now = Instant.now(clock);
        List<Waiver> approved = Waiver.approvedOnFindings(team);
        Map<Long, Finding> findingsById = approved.isEmpty() ? Map.of() : Finding.<Finding>list("id in ?1",
                approved.stream().map(w -> w.findingId).toList()).stream().collect(Collectors.toMap(f -> f.id, f -> f));
        for (Waiver waiver : approved) {
            Finding finding = findingsById.get(waiver.findingId);
            boolean fixed = finding.status == FindingStatus.FIXED;
            if (!waiver.expiresAt.isAfter(now) || waiver.untilFixed && fixed) {
                Map<String, Object> before = state(waiver, now);
                waiver.state = Waiver.State.EXPIRED;
                String why = fixed && waiver.untilFixed ? "ended: the finding was fixed" : "expired";
                findings.setByWaiver(finding.id, FindingStatus.OPEN, Viewer.SYSTEM.email(), "waiver " + waiver.id + " " + why);
                audit.record(Viewer.SYSTEM, "gate.waiver-expired", "waiver", subject(waiver), before, state(waiver, now));
            } else if (finding.status == FindingStatus.OPEN) {
                findings.setByWaiver(finding.id, FindingStatus.RISK_ACCEPTED, Viewer.SYSTEM.email(),
                        "waiver " + waiver.id + " still applies after the finding reopened");
            }
        }
    }

    /**
     * The team's findings in the environment accepted by an active waiver, by severity: the gate's finding conditions
     * do not count them, and show as waived where counting them would have failed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Severity, GateInputs.WaivedFindings> waivedFindings(Team team, Environment environment, Instant now) {
        Map<Severity, GateInputs.WaivedFindings> waived = new EnumMap<>(Severity.class);
        for (Object[] row : SqlValues.rows(Waiver.getEntityManager().createNativeQuery(WAIVED_FINDINGS)
                .setParameter(1, team.id).setParameter(2, environment.id).setParameter(3, Timestamp.from(now)).getResultList())) {
            waived.put(Severity.valueOf((String) row[0]), new GateInputs.WaivedFindings(((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(), ((Number) row[3]).longValue()));
        }
        return waived;
    }

    /** The open finding of the team a FINDING waiver names by id. */
    private static Long openFinding(Team team, String subject) {
        Finding finding;
        try {
            finding = Finding.findById(Long.parseLong(subject.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("subject", "must be the id of a finding");
        }
        if (finding == null || !finding.team.id.equals(team.id)) {
            throw new InvalidInputException("subject", "is not a finding of team " + team.slug);
        }
        if (finding.status != FindingStatus.OPEN) {
            throw new InvalidInputException("subject", "is " + finding.status + "; only an open finding is waived");
        }
        if (Waiver.count("findingId = ?1 and state in ?2", finding.id, List.of(Waiver.State.REQUESTED, Waiver.State.APPROVED)) > 0) {
            throw new ConflictException("subject", "already has a waiver requested or approved");
        }
        return finding.id;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WaiverView find(Viewer viewer, long id) {
        return WaiverView.of(visible(viewer, id), Instant.now(clock));
    }

    /** Every waiver of the team, newest first, or only the approved ones expiring within the configured days. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WaiverView> list(Viewer viewer, String team, boolean expiringSoon) {
        if (team == null || team.isBlank()) {
            throw new InvalidInputException("team", "is required");
        }
        Instant now = Instant.now(clock);
        Instant soon = now.plus(Duration.ofDays(config.waiverExpiringDays()));
        return Waiver.ofTeam(teams.visibleTeam(viewer, team)).stream()
                .filter(w -> !expiringSoon || w.activeAt(now) && w.expiresAt.isBefore(soon))
                .map(w -> WaiverView.of(w, now)).toList();
    }

    /** Active waivers of every team that end within the configured days, soonest first: for security admins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<WaiverView> expiringSoon(Viewer viewer, PageRequest page) {
        if (!viewer.isSecurityAdmin()) {
            throw new ForbiddenException("Only security admins see the waivers of every team");
        }
        Instant now = Instant.now(clock);
        PanacheQuery<Waiver> query = Waiver.activeUntil(now, now.plus(Duration.ofDays(config.waiverExpiringDays())));
        return Paged.of(query.page(page.panache()).list(), page, query.count()).map(w -> WaiverView.of(w, now));
    }

    /** The results with each failed condition that an active waiver of the team covers marked as waived. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ConditionResult> apply(Team team, List<ConditionResult> results, Instant now) {
        List<Waiver> active = Waiver.activeOf(team, now);
        return results.stream().map(r -> r.status() != ConditionResult.Status.FAIL ? r
                : active.stream().filter(w -> w.covers(r.metric())).findFirst().map(w -> r.waivedBy(w.id)).orElse(r)).toList();
    }

    private WaiverView decide(Viewer viewer, long id, Waiver.State from, Waiver.State to, String action) {
        if (!viewer.isSecurityAdmin()) {
            throw new ForbiddenException("Only a security admin decides on waivers");
        }
        Waiver waiver = visible(viewer, id);
        Instant now = Instant.now(clock);
        if (to != Waiver.State.REVOKED && waiver.requestedBy.id == viewer.personId()) {
            throw new ForbiddenException("A waiver is decided by a security admin other than the person who requested it");
        }
        if (waiver.stateAt(now) != from) {
            throw new ConflictException("state", "is " + waiver.stateAt(now) + ", not " + from);
        }
        Map<String, Object> before = state(waiver, now);
        waiver.state = to;
        waiver.decidedBy = Person.findById(viewer.personId());
        waiver.decidedAt = now;
        audit.record(viewer, action, "waiver", subject(waiver), before, state(waiver, now));
        return WaiverView.of(waiver, now);
    }

    private Waiver visible(Viewer viewer, long id) {
        return Waiver.<Waiver>findByIdOptional(id).filter(w -> teams.sees(viewer, w.team))
                .orElseThrow(() -> new NotFoundException("Waiver", id));
    }

    /** The end of the given day, UTC; refused unless it is from today to the configured maximum ahead. */
    private Instant expiry(String expiresOn, Instant now) {
        String rule = "a date from today to " + config.waiverMaxDays() + " days ahead, YYYY-MM-DD";
        if (expiresOn == null || expiresOn.isBlank()) {
            throw new InvalidInputException("expiresOn", "is required: " + rule);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(expiresOn.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiresOn", "must be " + rule);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (day.isBefore(today) || day.isAfter(today.plusDays(config.waiverMaxDays()))) {
            throw new InvalidInputException("expiresOn", "must be " + rule);
        }
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String subject(Waiver waiver) {
        return waiver.team.slug + "/" + waiver.id;
    }

    private static Map<String, Object> state(Waiver waiver, Instant now) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", waiver.kind.name());
        state.put("subject", waiver.subject);
        state.put("state", waiver.stateAt(now).name());
        state.put("expiresAt", waiver.expiresAt.toString());
        state.put("reason", waiver.reason);
        return state;
    }
}
