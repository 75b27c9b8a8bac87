package io.tollgate.gate.service;

import io.tollgate.gate.GateEvaluation;
import io.tollgate.gate.PromotionRequest;

import java.time.Instant;

/**
 * A promotion request as the API and pages show it, with its latest gate decision.
 *
 * @param moveError why AWS Organizations did not move the account at the last confirmation, if it refused
 */
public record PromotionView(long id, String team, String account, String fromEnvironment, String toEnvironment,
                            PromotionRequest.State state, Long evaluation, GateEvaluation.Verdict verdict,
                            int attempts, String requestedBy, Instant requestedAt, String confirmedBy,
                            Instant confirmedAt, String moveError, Instant moveFailedAt) {

    static PromotionView of(PromotionRequest r) {
        return new PromotionView(r.id, r.account.team.slug, r.account.accountId, r.fromEnvironment.key,
                r.toEnvironment.key, r.state, r.evaluation == null ? null : r.evaluation.id,
                r.evaluation == null ? null : r.evaluation.verdict, r.attempts, r.requestedBy, r.requestedAt,
                r.confirmedBy, r.confirmedAt, r.moveError, r.moveFailedAt);
    }
}
