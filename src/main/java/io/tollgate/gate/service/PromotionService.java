package io.tollgate.gate.service;

import io.tollgate.audit.AuditLog;
import io.tollgate.gate.GateEvaluation;
import io.tollgate.gate.PromotionRequest;
import io.tollgate.gate.aws.MoveRefusedException;
import io.tollgate.gate.aws.ProductionOu;
import io.tollgate.org.AwsAccount;
import io.tollgate.org.Component;
import io.tollgate.org.Environment;
import io.tollgate.org.Membership;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.UpstreamRefusedException;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Promotion of an AWS account to the production environment: a lead of the account's team requests it, the gate
 * decides (again, after fixes or waivers, as often as needed), and a security admin confirms a passing decision,
 * which moves the account and its component (and, when configured, the AWS account into the production OU of AWS
 * Organizations). Nothing moves without a decision that passes.
 */
@ApplicationScoped
public class PromotionService {

    private final GateService gate;
    private final TeamService teams;
    private final ProductionOu productionOu;
    private final AuditLog audit;
    private final Clock clock;

    PromotionService(GateService gate, TeamService teams, ProductionOu productionOu, AuditLog audit, Clock clock) {
        this.gate = gate;
        this.teams = teams;
        this.productionOu = productionOu;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PromotionView request(Viewer viewer, String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new InvalidInputException("account", "choose the account to promote");
        }
        AwsAccount account = AwsAccount.findByAccountId(accountId.strip()).filter(a -> teams.sees(viewer, a.team))
                .orElseThrow(() -> new NotFoundException("Account", accountId));
        if (!Membership.isLead(account.team.id, viewer.personId())) {
            throw new ForbiddenException("Only a lead of the account's team requests its promotion");
        }
        Environment production = Environment.inPromotionOrder().stream().filter(e -> e.production).findFirst()
                .orElseThrow(() -> new ConflictException("environment",
                        "no environment is marked as production yet; a security admin marks one on the Environments page"));
        if (account.environment.production) {
            throw new ConflictException("account", "is already in " + account.environment.key);
        }
        if (PromotionRequest.openFor(account)) {
            throw new ConflictException("account", "already has an open promotion request");
        }
        PromotionRequest request = new PromotionRequest();
        request.account = account;
        request.fromEnvironment = account.environment;
        request.toEnvironment = production;
        request.requestedBy = viewer.email();
        request.requestedAt = Instant.now(clock);
        request.state = PromotionRequest.State.NOT_PASSED;
        request.persist();
        askGate(viewer, request);
        audit.record(viewer, "gate.promotion-requested", "promotion", subject(request), null, state(request));
        return PromotionView.of(request);
    }

    /** Asks the gate again, e.g. after a fix or a waiver, while the latest decision has not passed. */
    @Transactional
    public PromotionView reevaluate(Viewer viewer, long id) {
        PromotionRequest request = visible(viewer, id);
        if (!Membership.isLead(request.account.team.id, viewer.personId()) && !viewer.isSecurityAdmin()) {
            throw new ForbiddenException("Only a lead of the team or a security admin asks the gate again");
        }
        if (request.state != PromotionRequest.State.NOT_PASSED) {
            throw new ConflictException("state", "is " + request.state + "; only a request that has not passed is evaluated again");
        }
        askGate(viewer, request);
        return PromotionView.of(request);
    }

    /**
     * A security admin confirms a request whose latest decision passes (or was passed by break-glass). When a
     * production OU is configured, AWS Organizations moves the account first; if it refuses, the account stays where
     * it is in Tollgate, the request keeps the error and the confirmation can be tried again.
     */
    @Transactional(dontRollbackOn = UpstreamRefusedException.class)
    public PromotionView confirm(Viewer viewer, long id) {
        if (!viewer.isSecurityAdmin()) {
            throw new ForbiddenException("Only a security admin confirms a promotion");
        }
        PromotionRequest request = visible(viewer, id);
        if (request.state == PromotionRequest.State.PROMOTED) {
            throw new ConflictException("state", "is PROMOTED already");
        }
        if (!gate.find(viewer, request.evaluation.id).passes()) {
            throw new ConflictException("evaluation", "did not pass; fix, waive or break glass, then ask the gate again");
        }
        Map<String, Object> before = state(request);
        AwsAccount account = request.account;
        if (productionOu.id().isPresent()) {
            moveInOrganizations(viewer, request, before);
            account.organizationalUnit = productionOu.id().get();
        }
        Component.ofAccount(account).ifPresent(c -> c.environment = request.toEnvironment);
        account.environment = request.toEnvironment;
        request.state = PromotionRequest.State.PROMOTED;
        request.confirmedBy = viewer.email();
        request.confirmedAt = Instant.now(clock);
        request.moveError = null;
        audit.record(viewer, "gate.promotion-confirmed", "promotion", subject(request), before, state(request));
        return PromotionView.of(request);
    }

    /** Moves the account into the production OU, or records AWS's refusal on the request and answers with it. */
    private void moveInOrganizations(Viewer viewer, PromotionRequest request, Map<String, Object> before) {
        try {
            productionOu.moveIn(request.account.accountId);
        } catch (MoveRefusedException e) {
            request.moveError = e.getMessage().length() > 2000 ? e.getMessage().substring(0, 2000) : e.getMessage();
            request.moveFailedAt = Instant.now(clock);
            audit.record(viewer, "gate.promotion-move-failed", "promotion", subject(request), before,
                    Map.of("state", request.state.name(), "error", request.moveError));
            throw new UpstreamRefusedException("organizations", request.moveError
                    + "; the account stays in " + request.account.environment.key + ", confirm again once this is fixed");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PromotionView find(Viewer viewer, long id) {
        return PromotionView.of(visible(viewer, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PromotionView> list(Viewer viewer, String team) {
        if (team == null || team.isBlank()) {
            throw new InvalidInputException("team", "is required");
        }
        return PromotionRequest.ofTeam(teams.visibleTeam(viewer, team)).stream().map(PromotionView::of).toList();
    }

    private void askGate(Viewer viewer, PromotionRequest request) {
        request.attempts++;
        Decision decision = gate.evaluate(viewer, new EvaluationRequest(request.account.team.slug,
                request.toEnvironment.key, request.account.accountId, null,
                "promotion-" + request.id + "-" + request.attempts, null)).decision();
        request.evaluation = GateEvaluation.findById(decision.id());
        request.state = decision.passes() ? PromotionRequest.State.AWAITING_CONFIRMATION : PromotionRequest.State.NOT_PASSED;
    }

    private PromotionRequest visible(Viewer viewer, long id) {
        return PromotionRequest.<PromotionRequest>findByIdOptional(id).filter(r -> teams.sees(viewer, r.account.team))
                .orElseThrow(() -> new NotFoundException("Promotion request", id));
    }

    private static String subject(PromotionRequest request) {
        return request.account.accountId + "/" + request.id;
    }

    private static Map<String, Object> state(PromotionRequest request) {
        return Map.of("state", request.state.name(), "environment", request.account.environment.key,
                "evaluation", request.evaluation == null ? "" : String.valueOf(request.evaluation.id));
    }
}
