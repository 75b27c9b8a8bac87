package io.tollgate.findings.parsers.cyclonedx;

import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.findings.parsers.reading.FindingText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One finding per vulnerability and affected component of a BOM. A vulnerability whose analysis says the product is
 * not affected, that it is a false positive, or that it was resolved is kept as suppressed.
 */
final class CycloneDxFindings {

    static final String TOOL = "CycloneDX";

    private static final Set<String> SUPPRESSING_STATES = Set.of("not_affected", "false_positive", "resolved", "resolved_with_pedigree");
    private static final Set<String> NO_SEVERITY = Set.of("unknown", "none");

    private CycloneDxFindings() {
    }

    static List<NormalizedFinding> of(BomVulnerability vulnerability, Map<String, BomComponent> components) {
        List<NormalizedFinding> findings = new ArrayList<>();
        for (BomComponent component : affected(vulnerability, components)) {
            findings.add(finding(vulnerability, component));
        }
        return findings;
    }

    /**
     * The affected components, each once. A reference the BOM does not resolve falls back on the component the
     * vulnerability is written in, if any; without either, the finding has no package.
     */
    private static List<BomComponent> affected(BomVulnerability vulnerability, Map<String, BomComponent> components) {
        List<BomComponent> affected = new ArrayList<>();
        if (vulnerability.affects().isEmpty()) {
            affected.add(vulnerability.enclosing());
        }
        new LinkedHashSet<>(vulnerability.affects())
                .forEach(ref -> affected.add(components.getOrDefault(ref, vulnerability.enclosing())));
        return affected;
    }

    private static NormalizedFinding finding(BomVulnerability vulnerability, BomComponent component) {
        String packageName = component == null ? null : component.packageName();
        String version = component == null ? null : component.version();
        String subject = FindingText.joined(" ", packageName, version);
        BomVulnerability.Analysis analysis = vulnerability.analysis();
        boolean suppressed = analysis != null && analysis.state() != null && SUPPRESSING_STATES.contains(analysis.state());
        List<String> ids = new ArrayList<>();
        ids.add(vulnerability.id());
        ids.addAll(vulnerability.relatedIds());
        List<String> references = new ArrayList<>();
        references.add(vulnerability.sourceUrl());
        references.addAll(vulnerability.advisories());
        return NormalizedFinding.builder(TOOL)
                .ruleId(vulnerability.id())
                .title(vulnerability.id() == null ? null : FindingText.joined(" in ", vulnerability.id(), subject))
                .severity(severity(vulnerability.ratings()))
                .cweIds(vulnerability.cwes())
                .packageName(packageName)
                .packageVersion(version)
                .vulnerabilityIds(FindingText.distinct(ids))
                .description(FindingText.joined("\n\n", vulnerability.description(), vulnerability.detail(),
                        component == null ? null : FindingText.labelled("Package URL", component.purl()),
                        analysis == null || suppressed ? null : FindingText.labelled("Analysis", analysisText(analysis))))
                .remediation(vulnerability.recommendation())
                .references(FindingText.distinct(references))
                .suppressed(suppressed, suppressed ? analysisText(analysis) : null)
                .build();
    }

    /** The first severity word of the ratings; without one, the highest score; else INFO. */
    private static Severity severity(List<BomVulnerability.Rating> ratings) {
        return ratings.stream()
                .map(BomVulnerability.Rating::severity)
                .filter(word -> word != null && !NO_SEVERITY.contains(word.strip().toLowerCase(Locale.ROOT)))
                .map(Severity::fromLabel).flatMap(Optional::stream).findFirst()
                .or(() -> ratings.stream().map(BomVulnerability.Rating::score).filter(s -> s != null)
                        .max(Double::compare).map(Severity::fromCvss))
                .orElse(Severity.INFO);
    }

    private static String analysisText(BomVulnerability.Analysis analysis) {
        String state = analysis.state() == null ? "analysed"
                : analysis.state() + (analysis.justification() == null ? "" : " (" + analysis.justification() + ")");
        return analysis.detail() == null ? state : state + ": " + analysis.detail();
    }
}
