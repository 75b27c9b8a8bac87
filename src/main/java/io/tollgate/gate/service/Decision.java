package io.tollgate.gate.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.gate.GateEvaluation.Verdict;
import io.tollgate.gate.policy.ConditionResult;

import java.time.Instant;
import java.util.List;

/**
 * A stored gate decision as the API and pages show it.
 *
 * @param environment       the target environment
 * @param sourceEnvironment the environment whose figures were judged
 * @param policyHash        the version of the policy applied
 * @param inputs            the figures the conditions were checked against
 * @param breakGlass        the security admin's override of a failed decision, if one was granted
 * @param passes            whether the team may promote on this decision: it passed, or break-glass was granted
 * @param links             where to read the decision: {@code self} in the API, {@code portal} as a page (root-relative)
 */
public record Decision(long id, String team, String environment, String sourceEnvironment, String account,
                       String commit, String idempotencyKey, Verdict verdict, String policyHash, Instant evaluatedAt,
                       String requestedBy, List<ConditionResult> conditions, JsonNode inputs, BreakGlassGrant breakGlass,
                       boolean passes, Links links) {

    /** The decision in the API and in the portal, as root-relative URLs. */
    public record Links(String self, String portal) {

        static Links of(long id) {
            return new Links("/api/v1/gate/evaluations/" + id, "/gate/decisions/" + id);
        }
    }

    /** Who passed a failed decision, when and why. */
    public record BreakGlassGrant(String grantedBy, Instant grantedAt, String reason) {
    }
}
