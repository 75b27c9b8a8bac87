package io.tollgate.gate.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.tollgate.audit.AuditLog;
import io.tollgate.controls.ControlCatalog;
import io.tollgate.gate.GateConfig;
import io.tollgate.gate.Waiver;
import io.tollgate.gate.policy.Condition;
import io.tollgate.gate.policy.ConditionResult;
import io.tollgate.gate.policy.GatePolicies;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waivers: requested by a member of the team, approved or denied by a security admin who is not the requester,
 * revocable; the gate applies the ones approved and not expired.
 */
@ApplicationScoped
public class WaiverService {

    private final TeamService teams;
    private final GatePolicies policies;
    private final ControlCatalog controls;
    private final GateConfig config;
    private final AuditLog audit;
    private final InputValidator validator;
    private final Clock clock;

    WaiverService(TeamService teams, GatePolicies policies, ControlCatalog controls, GateConfig config, AuditLog audit,
                  InputValidator validator, Clock clock) {
        this.teams = teams;
        this.policies = policies;
        this.controls = controls;
        this.config = config;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /** Records a request; a missing, past or too distant expiry is refused, so that no waiver runs without end. */
    @Transactional
    public WaiverView request(Viewer viewer, WaiverRequest request) {
        validator.check(request);
        Team team = teams.visibleTeam(viewer, request.team());
        boolean known = request.kind() == Waiver.Kind.CONTROL
                ? controls.byId(request.subject()).isPresent()
                : policies.forTeam(team.slug).conditions().stream().map(Condition::metric).anyMatch(request.subject()::equals);
        if (!known) {
            throw new InvalidInputException("subject", "is not a " + (request.kind() == Waiver.Kind.CONTROL
                    ? "control id" : "condition of the team's policy"));
        }
        Instant now = Instant.now(clock);
        Waiver waiver = new Waiver();
        waiver.team = team;
        waiver.kind = request.kind();
        waiver.subject = request.subject();
        waiver.reason = request.reason().strip();
        waiver.state = Waiver.State.REQUESTED;
        waiver.expiresAt = expiry(request.expiresOn(), now);
        waiver.requestedBy = Person.findById(viewer.personId());
        waiver.requestedAt = now;
        waiver.persist();
        audit.record(viewer, "gate.waiver-requested", "waiver", subject(waiver), null, state(waiver, now));
        return WaiverView.of(waiver, now);
    }

    @Transactional
    public WaiverView approve(Viewer viewer, long id) {
        return decide(viewer, id, Waiver.State.REQUESTED, Waiver.State.APPROVED, "gate.waiver-approved");
    }

    @Transactional
    public WaiverView deny(Viewer viewer, long id) {
        return decide(viewer, id, Waiver.State.REQUESTED, Waiver.State.DENIED, "gate.waiver-denied");
    }

    /** Ends an approved waiver now; it stays listed as revoked. */
    @Transactional
    public WaiverView revoke(Viewer viewer, long id) {
        return decide(viewer, id, Waiver.State.APPROVED, Waiver.State.REVOKED, "gate.waiver-revoked");
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
        Waiver waiver = Waiver.<Waiver>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Waiver", id));
        teams.visibleTeam(viewer, waiver.team.slug);
        return waiver;
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
