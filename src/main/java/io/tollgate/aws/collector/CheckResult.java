package io.tollgate.aws.collector;

/**
 * The outcome of one check over the whole account.
 *
 * @param checkId the control id the check evaluates
 * @param passed  resources that passed
 * @param failed  resources that failed
 * @param reason  for a check that was not evaluated: the API and the error that stopped it
 */
public record CheckResult(String checkId, CheckOutcome outcome, int passed, int failed, String reason) {
}
