package io.tollgate.gate.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to the gate: may this team promote to this environment now?
 *
 * @param account        the AWS account to promote, if the question is about one; it must belong to the team
 * @param commit         the commit CI is about to release, if any
 * @param idempotencyKey chosen by the caller; asking again with the same key returns the stored decision
 * @param baselineDecisionId the decision (of the same team and target environment) that conditions on new findings
 *                       count from; by default the team's last passing decision there
 */
public record EvaluationRequest(@NotBlank String team, @NotBlank String environment,
                                @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String account,
                                @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z._/-]*", message = "must be a commit id") String commit,
                                @NotBlank @Size(max = 100) String idempotencyKey, Long baselineDecisionId) {
}
