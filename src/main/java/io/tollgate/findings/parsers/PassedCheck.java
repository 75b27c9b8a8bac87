package io.tollgate.findings.parsers;

/**
 * An account check that passed: not a finding, but it counts as a passed control evaluation.
 *
 * @param tool     Prowler, Security Hub...
 * @param checkId  the tool's check or control id, mapped onto Tollgate's controls through content/
 * @param resource the resource checked, when the tool says
 */
public record PassedCheck(String tool, String checkId, String resource) {
}
