package io.tollgate.findings.service;

import io.tollgate.controls.Control;
import io.tollgate.controls.ControlCatalog;
import io.tollgate.findings.Finding;
import io.tollgate.training.catalog.LessonRef;
import io.tollgate.training.catalog.TrainingCatalog;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/** The lesson that teaches the fix of a finding, looked up when shown so that new lessons apply at once. */
@ApplicationScoped
public class LessonLinks {

    private final TrainingCatalog catalog;
    private final ControlCatalog controls;

    LessonLinks(TrainingCatalog catalog, ControlCatalog controls) {
        this.catalog = catalog;
        this.controls = controls;
    }

    public LessonRef lessonFor(Finding finding) {
        String practice = finding.controlId == null ? null
                : controls.byId(finding.controlId).map(Control::practice).orElse(null);
        List<Integer> cwes = finding.cweIds == null ? List.of() : Arrays.asList(finding.cweIds);
        return catalog.classify(cwes, practice).lesson();
    }
}
