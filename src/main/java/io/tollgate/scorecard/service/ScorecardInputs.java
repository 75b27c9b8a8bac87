package io.tollgate.scorecard.service;

import io.tollgate.controls.Control;
import io.tollgate.controls.ControlCatalog;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.findings.service.FindingFigures;
import io.tollgate.scorecard.scoring.ScoreInputs;
import io.tollgate.scorecard.scoring.ScoringRules;
import io.tollgate.training.service.TrainingFigure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gathers a scorecard's inputs from the findings, controls and training features. */
@ApplicationScoped
class ScorecardInputs {

    private final ControlCatalog catalog;

    ScorecardInputs(ControlCatalog catalog) {
        this.catalog = catalog;
    }

    ScoreInputs of(FindingFigures.Figures findings, TrainingFigure training, ScoringRules rules, Instant now) {
        List<ScoreInputs.ControlResult> controls = findings.controls().entrySet().stream()
                .map(e -> catalog.byId(e.getKey()).map(c -> result(c, e.getValue()))
                        .orElseGet(() -> new ScoreInputs.ControlResult(e.getKey(), e.getKey(), Severity.LOW, null, e.getValue())))
                .sorted(Comparator.comparing(ScoreInputs.ControlResult::passed)
                        .thenComparing(ScoreInputs.ControlResult::severity).thenComparing(ScoreInputs.ControlResult::id))
                .toList();
        Map<String, Instant> byKind = new HashMap<>();
        findings.lastImportByTool().forEach((tool, at) ->
                rules.kindOf(tool).ifPresent(kind -> byKind.merge(kind, at, (a, b) -> a.isAfter(b) ? a : b)));
        return new ScoreInputs(findings.scanned(), findings.open(), findings.pastSla(), findings.waived(), controls,
                training.value(), training.members(), training.membersDone(), byKind, now);
    }

    private static ScoreInputs.ControlResult result(Control control, boolean passed) {
        return new ScoreInputs.ControlResult(control.id(), control.title(), control.severity(), control.lesson(), passed);
    }
}
