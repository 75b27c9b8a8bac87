package io.tollgate.gate.policy;

/**
 * A team file's {@code replace <condition> with <condition>} line: one default condition on all open findings of a
 * severity swapped for the same condition on the findings new since the baseline, so that a team can adopt the gate
 * before it has cleared its old findings.
 *
 * @param replaced    the default condition, as written in the default policy
 * @param replacement its baseline variant, same operator and threshold
 * @param line        the line of the team file it was read from
 */
public record Replacement(Condition replaced, Condition replacement, int line) {
}
