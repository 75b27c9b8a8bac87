package io.tollgate.gate.policy;

import io.tollgate.findings.parsers.Severity;

import java.time.Instant;
import java.util.Map;

/**
 * What a gate decision was made from, for one team in its source environment at one moment; stored with the
 * decision.
 *
 * @param scanned        whether any report was imported; without one, finding counts have no data
 * @param open           open, unsuppressed findings by severity
 * @param pastSla        of those, the ones past their SLA
 * @param score          the scorecard score; null when it has no data
 * @param controls       each evaluated control and whether it passes
 * @param members        active members counted for training
 * @param membersDone    of those, the ones who finished their required training
 * @param leads          active leads
 * @param leadsDone      of those, the ones who finished their required training; null when none is required
 * @param lastScanByKind when the last report of each scan kind was imported
 * @param baseline       the findings new since the baseline decision; null when the team has no baseline yet
 * @param waived         findings accepted by an active waiver, by severity; {@code open} and {@code pastSla} leave
 *                       them out
 */
public record GateInputs(boolean scanned, Map<Severity, Integer> open, Map<Severity, Integer> pastSla, Double score,
                         Map<String, Boolean> controls, int members, int membersDone, int leads, Integer leadsDone,
                         Map<String, Instant> lastScanByKind, Instant now, Baseline baseline,
                         Map<Severity, WaivedFindings> waived) {

    /**
     * Findings of one severity accepted by active waivers.
     *
     * @param open    how many
     * @param pastSla of those, the ones past their SLA
     * @param waiver  the lowest id of the waivers, reported on a condition they made pass
     */
    public record WaivedFindings(int open, int pastSla, long waiver) {
    }

    /**
     * The decision that new findings are counted from, and the counts.
     *
     * @param decision the id of the baseline decision
     * @param at       when it was made; a finding first seen or reopened after this is new
     * @param open     open, unsuppressed findings new since then, by severity
     * @param pastSla  of those, the ones past their SLA
     */
    public record Baseline(long decision, Instant at, Map<Severity, Integer> open, Map<Severity, Integer> pastSla) {
    }
}
