package io.tollgate.scorecard.scoring;

import io.tollgate.findings.parsers.Severity;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a scorecard is computed from, for one team in one environment at one moment.
 *
 * @param scanned        whether any report was imported for the team in the environment; without one there is no
 *                       vulnerabilities figure
 * @param open           open, unsuppressed findings by severity (those past SLA included)
 * @param pastSla        of those, the ones past their SLA
 * @param waived         findings marked false positive or risk accepted, shown but not counted
 * @param controls       the latest result of each evaluated control; empty when none was evaluated
 * @param training       the training figure, null when the team has no member or no curriculum is required
 * @param members        active members counted by the training figure
 * @param membersDone    members who finished every required curriculum
 * @param lastScanByKind when the last report of each scan kind was imported
 */
public record ScoreInputs(boolean scanned, Map<Severity, Integer> open, Map<Severity, Integer> pastSla, int waived,
                          List<ControlResult> controls, Double training, int members, int membersDone,
                          Map<String, Instant> lastScanByKind, Instant now) {

    /** The latest result of one control: it passes when every resource checked passed. */
    public record ControlResult(String id, String title, Severity severity, String lesson, boolean passed) {
    }

    public int open(Severity severity) {
        return open.getOrDefault(severity, 0);
    }

    public int pastSla(Severity severity) {
        return pastSla.getOrDefault(severity, 0);
    }

    /** The same inputs with every open finding of one severity fixed. */
    ScoreInputs withFixed(Severity severity) {
        Map<Severity, Integer> openNow = new EnumMap<>(Severity.class);
        openNow.putAll(open);
        openNow.put(severity, 0);
        Map<Severity, Integer> pastNow = new EnumMap<>(Severity.class);
        pastNow.putAll(pastSla);
        pastNow.put(severity, 0);
        return new ScoreInputs(scanned, openNow, pastNow, waived, controls, training, members, membersDone, lastScanByKind, now);
    }

    /** The same inputs with one control passing. */
    ScoreInputs withPassing(String controlId) {
        List<ControlResult> fixed = controls.stream()
                .map(c -> c.id().equals(controlId) ? new ControlResult(c.id(), c.title(), c.severity(), c.lesson(), true) : c).toList();
        return new ScoreInputs(scanned, open, pastSla, waived, fixed, training, members, membersDone, lastScanByKind, now);
    }

    /** The same inputs with a scan of one kind just imported. */
    ScoreInputs withFreshScan(String kind) {
        Map<String, Instant> scans = new HashMap<>(lastScanByKind);
        scans.put(kind, now);
        return new ScoreInputs(scanned, open, pastSla, waived, controls, training, members, membersDone, scans, now);
    }

    /** The same inputs with every member's required training finished. */
    ScoreInputs withTrainingDone() {
        return new ScoreInputs(scanned, open, pastSla, waived, controls, 100.0, members, members, lastScanByKind, now);
    }
}
