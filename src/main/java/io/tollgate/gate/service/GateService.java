package io.tollgate.gate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.audit.AuditLog;
import io.tollgate.findings.service.FindingFigures;
import io.tollgate.gate.BreakGlass;
import io.tollgate.gate.GateEvaluation;
import io.tollgate.gate.PromotionRequest;
import io.tollgate.gate.GateEvaluation.Verdict;
import io.tollgate.gate.policy.ConditionResult;
import io.tollgate.gate.policy.GateInputs;
import io.tollgate.gate.policy.GatePolicies;
import io.tollgate.gate.policy.Policy;
import io.tollgate.gate.policy.PolicyEvaluator;
import io.tollgate.org.AwsAccount;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.UnprocessableException;
import io.tollgate.scorecard.scoring.Scoring;
import io.tollgate.scorecard.service.ScorecardService;
import io.tollgate.scorecard.service.ScorecardService.TeamScorecard;
import io.tollgate.security.Viewer;
import io.tollgate.training.service.TrainingFigure;
import io.tollgate.training.service.TrainingFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers whether a team may promote to an environment: checks the team's policy against the scorecard figures of
 * the environment before it, stores the decision once and reads decisions back.
 */
@ApplicationScoped
public class GateService {

    /** A decision, and whether this request made it or found it stored under the same idempotency key. */
    public record Outcome(Decision decision, boolean created) {
    }

    private static final int HISTORY_MAX = 200;
    private static final TypeReference<List<ConditionResult>> CONDITIONS = new TypeReference<>() {
    };

    private final GatePolicies policies;
    private final WaiverService waivers;
    private final ScorecardService scorecards;
    private final Scoring scoring;
    private final TrainingFigures training;
    private final FindingFigures findings;
    private final TeamService teams;
    private final GateAccess access;
    private final AuditLog audit;
    private final InputValidator validator;
    private final ObjectMapper json;
    private final Clock clock;

    GateService(GatePolicies policies, WaiverService waivers, ScorecardService scorecards, Scoring scoring, TrainingFigures training,
                FindingFigures findings, TeamService teams, GateAccess access, AuditLog audit, InputValidator validator,
                ObjectMapper json, Clock clock) {
        this.policies = policies;
        this.waivers = waivers;
        this.scorecards = scorecards;
        this.scoring = scoring;
        this.training = training;
        this.findings = findings;
        this.teams = teams;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Evaluates the request and stores the decision, or returns the one stored under its idempotency key. Only the
     * team's members and security admins (and so the team's CI credential) ask; managers read decisions only.
     */
    @Transactional
    public Outcome evaluate(Viewer viewer, EvaluationRequest request) {
        validator.check(request);
        Team team = access.actingTeam(viewer, request.team(), "ask the gate");
        GateEvaluation.lockKey(team, request.idempotencyKey());
        var stored = GateEvaluation.findByKey(team, request.idempotencyKey());
        if (stored.isPresent()) {
            return new Outcome(decision(stored.get()), false);
        }
        Environment target = environment(request.environment());
        if (request.account() != null && AwsAccount.findByAccountId(request.account())
                .filter(a -> a.team.id.equals(team.id)).isEmpty()) {
            throw new InvalidInputException("account", "is not an account of team " + team.slug);
        }
        Environment source = sourceOf(target);
        waivers.endLapsed(team);
        Instant now = Instant.now(clock);
        GateInputs inputs = inputs(team, source, now, baseline(team, target, request.baselineDecisionId()));
        Policy policy = policies.forTeam(team.slug);
        List<ConditionResult> results = waivers.apply(team, PolicyEvaluator.evaluate(policy, inputs), now);

        GateEvaluation evaluation = new GateEvaluation();
        evaluation.team = team;
        evaluation.environment = target;
        evaluation.sourceEnvironment = source;
        evaluation.accountId = request.account();
        evaluation.commit = request.commit();
        evaluation.idempotencyKey = request.idempotencyKey();
        evaluation.verdict = verdict(results);
        evaluation.policyHash = policy.hash();
        evaluation.conditions = write(results);
        evaluation.inputs = write(inputs);
        evaluation.requestedBy = viewer.email();
        evaluation.evaluatedAt = now;
        evaluation.persist();
        audit.record(viewer, "gate.evaluated", "gate_evaluation", Long.toString(evaluation.id), null,
                Map.of("team", team.slug, "environment", target.key, "verdict", evaluation.verdict.name(),
                        "policy", policy.hash()));
        return new Outcome(decision(evaluation), true);
    }

    /** The policy that applies to a team the viewer may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy policy(Viewer viewer, String team) {
        return policies.forTeam(teams.visibleTeam(viewer, team).slug);
    }

    /** A decision about a team the viewer may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Decision find(Viewer viewer, long id) {
        return decision(visible(viewer, id));
    }

    /**
     * Break-glass: a security admin lets a failed decision pass, with a reason. Once per decision; the decision
     * itself stays as it was, with the override beside it.
     */
    @Transactional
    public Decision breakGlass(Viewer viewer, long id, String reason) {
        if (!viewer.isSecurityAdmin()) {
            throw new ForbiddenException("Only a security admin may break glass");
        }
        if (reason == null || reason.strip().length() < 20) {
            throw new InvalidInputException("reason", "must be at least 20 characters");
        }
        GateEvaluation evaluation = visible(viewer, id);
        if (evaluation.verdict != Verdict.FAIL) {
            throw new ConflictException("verdict", "is " + evaluation.verdict + "; only a failed decision needs break-glass");
        }
        if (BreakGlass.of(evaluation).isPresent()) {
            throw new ConflictException("breakGlass", "was already used on this decision");
        }
        BreakGlass override = new BreakGlass();
        override.evaluation = evaluation;
        override.reason = reason.strip();
        override.grantedBy = viewer.email();
        override.grantedAt = Instant.now(clock);
        override.persist();
        // A promotion waiting on this decision may now be confirmed.
        PromotionRequest.update("state = ?1 where evaluation = ?2 and state = ?3",
                PromotionRequest.State.AWAITING_CONFIRMATION, evaluation, PromotionRequest.State.NOT_PASSED);
        audit.record(viewer, "gate.break-glass", "gate_evaluation", Long.toString(evaluation.id),
                Map.of("verdict", evaluation.verdict.name()), Map.of("verdict", "PASS (break-glass)", "reason", override.reason));
        return decision(evaluation);
    }

    private GateEvaluation visible(Viewer viewer, long id) {
        return GateEvaluation.<GateEvaluation>findByIdOptional(id).filter(e -> teams.sees(viewer, e.team))
                .orElseThrow(() -> new NotFoundException("Gate evaluation", id));
    }

    /** The newest decisions of a team, at most {@code limit}, optionally for one environment and one verdict. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Decision> history(Viewer viewer, String team, String environment, Verdict verdict, int limit) {
        if (limit < 1 || limit > HISTORY_MAX) {
            throw new InvalidInputException("limit", "must be between 1 and " + HISTORY_MAX);
        }
        if (team == null || team.isBlank()) {
            throw new InvalidInputException("team", "is required");
        }
        Team visible = teams.visibleTeam(viewer, team);
        Environment target = environment == null ? null : environment(environment);
        List<GateEvaluation> evaluations = GateEvaluation.history(visible, target, verdict, limit);
        Map<Long, BreakGlass> overrides = BreakGlass.byEvaluation(evaluations);
        return evaluations.stream().map(e -> decision(e, Optional.ofNullable(overrides.get(e.id)))).toList();
    }

    /**
     * The given baseline decision, which must be a passing decision (PASS or PASS_WITH_WAIVERS; a failed one passed
     * by break-glass is not) of the team for the same target, else the team's last passing one.
     */
    private static GateEvaluation baseline(Team team, Environment target, Long given) {
        if (given == null) {
            return GateEvaluation.lastPassing(team, target).orElse(null);
        }
        GateEvaluation named = GateEvaluation.<GateEvaluation>findByIdOptional(given)
                .filter(e -> e.team.id.equals(team.id) && e.environment.id.equals(target.id))
                .orElseThrow(() -> new UnprocessableException("baselineDecisionId",
                        "is not a decision of team " + team.slug + " for " + target.key));
        if (named.verdict == Verdict.FAIL) {
            throw new UnprocessableException("baselineDecisionId", "is decision " + named.id
                    + ", which failed; a baseline must be a passing decision (PASS or PASS_WITH_WAIVERS)");
        }
        return named;
    }

    /** What the policy weighs: the scorecard and training figures of the source environment at {@code now}. */
    private GateInputs inputs(Team team, Environment source, Instant now, GateEvaluation baseline) {
        TrainingFigure figure = training.of(team);
        TeamScorecard card = scorecards.of(team, source, figure, now);
        Map<String, Instant> byKind = new HashMap<>();
        card.findings().lastImportByTool().forEach((tool, at) -> scoring.rules().kindOf(tool)
                .ifPresent(kind -> byKind.merge(kind, at, (a, b) -> a.isAfter(b) ? a : b)));
        TrainingFigures.LeadFigure leads = training.leads(team);
        return new GateInputs(card.findings().scanned(), card.findings().open(), card.findings().pastSla(),
                card.scorecard().score(), card.findings().controls(), figure.members(), figure.membersDone(),
                leads.leads(), leads.leadsDone(), byKind, now, baseline == null ? null : newSince(team, source, baseline, now),
                waivers.waivedFindings(team, source, now));
    }

    private GateInputs.Baseline newSince(Team team, Environment source, GateEvaluation baseline, Instant now) {
        FindingFigures.NewFindings found = findings.newSince(team.id, source.id, baseline.evaluatedAt, now);
        return new GateInputs.Baseline(baseline.id, baseline.evaluatedAt, found.open(), found.pastSla());
    }

    /** FAIL if a condition failed unwaived, PASS_WITH_WAIVERS if a waiver covered one, else PASS. */
    private static Verdict verdict(List<ConditionResult> results) {
        if (results.stream().anyMatch(r -> r.status() == ConditionResult.Status.FAIL)) {
            return Verdict.FAIL;
        }
        return results.stream().anyMatch(r -> r.status() == ConditionResult.Status.WAIVED) ? Verdict.PASS_WITH_WAIVERS : Verdict.PASS;
    }

    /** The environment before the target in promotion order; the first environment is judged on its own figures. */
    private static Environment sourceOf(Environment target) {
        Environment source = target;
        for (Environment environment : Environment.inPromotionOrder()) {
            if (environment.position < target.position) {
                source = environment;
            }
        }
        return source;
    }

    private static Environment environment(String key) {
        return Environment.findByKey(key).orElseThrow(() -> new NotFoundException("Environment", key));
    }

    private Decision decision(GateEvaluation e) {
        return decision(e, BreakGlass.of(e));
    }

    private Decision decision(GateEvaluation e, Optional<BreakGlass> breakGlass) {
        Decision.BreakGlassGrant override = breakGlass.map(b -> new Decision.BreakGlassGrant(b.grantedBy, b.grantedAt, b.reason))
                .orElse(null);
        try {
            return new Decision(e.id, e.team.slug, e.environment.key, e.sourceEnvironment.key, e.accountId, e.commit,
                    e.idempotencyKey, e.verdict, e.policyHash, e.evaluatedAt, e.requestedBy,
                    json.readValue(e.conditions, CONDITIONS), json.readTree(e.inputs), override,
                    e.verdict != Verdict.FAIL || override != null, Decision.Links.of(e.id));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored gate evaluation " + e.id + " is not readable", ex);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
