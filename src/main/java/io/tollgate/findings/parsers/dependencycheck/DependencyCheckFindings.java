package io.tollgate.findings.parsers.dependencycheck;

import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.findings.parsers.reading.FindingText;
import io.tollgate.findings.parsers.reading.PackageUrl;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One finding per vulnerability of a dependency, found or suppressed. The package comes from the dependency's package
 * URL, else its Maven coordinates, else its file name.
 */
final class DependencyCheckFindings {

    static final String TOOL = "OWASP Dependency-Check";

    private DependencyCheckFindings() {
    }

    static NormalizedFinding of(CheckedDependency dependency, CheckedDependency.Vulnerability vulnerability) {
        Coordinates pkg = Coordinates.of(dependency);
        String subject = FindingText.joined(" ", pkg.name(), pkg.version());
        String notes = vulnerability.notes();
        return NormalizedFinding.builder(TOOL)
                .ruleId(vulnerability.name())
                .title(FindingText.joined(" in ", advisory(vulnerability), subject))
                .severity(severity(vulnerability))
                .cweIds(CweIds.parse(vulnerability.cwes()).stream().filter(id -> id > 0).toList())
                .filePath(dependency.fileName())
                .packageName(pkg.name())
                .packageVersion(pkg.version())
                .vulnerabilityIds(vulnerability.name() == null ? List.of() : List.of(vulnerability.name()))
                .description(FindingText.joined("\n\n", vulnerability.description(),
                        vulnerability.suppressed() ? null : FindingText.labelled("Notes", notes),
                        FindingText.labelled("Scanned file", dependency.filePath()),
                        FindingText.labelled("Source", vulnerability.source())))
                .references(vulnerability.references())
                .suppressed(vulnerability.suppressed(), vulnerability.suppressed()
                        ? "suppressed by a Dependency-Check suppression rule" + (notes == null ? "" : ": " + notes) : null)
                .build();
    }

    /** The advisory's id; npm advisories are bare numbers, named with their source ("NPM advisory 1500"). */
    private static String advisory(CheckedDependency.Vulnerability vulnerability) {
        String name = vulnerability.name();
        if (name == null) {
            return "Vulnerability";
        }
        return name.matches("\\d+") && vulnerability.source() != null ? vulnerability.source() + " advisory " + name : name;
    }

    /** Dependency-Check's own word first, then the CVSS v4, v3 and v2 scores; INFO when there is nothing. */
    private static Severity severity(CheckedDependency.Vulnerability vulnerability) {
        return Severity.fromLabel(vulnerability.severity())
                .or(() -> Stream.of(vulnerability.cvssV4(), vulnerability.cvssV3(), vulnerability.cvssV2())
                        .filter(score -> score != null).findFirst().map(Severity::fromCvss))
                .orElse(Severity.INFO);
    }

    private record Coordinates(String name, String version) {

        static Coordinates of(CheckedDependency dependency) {
            return PackageUrl.parse(dependency.packageUrl())
                    .map(purl -> new Coordinates(purl.packageName(), purl.version()))
                    .or(() -> maven(dependency.mavenCoordinates()))
                    .orElseGet(() -> new Coordinates(dependency.fileName(), null));
        }

        private static Optional<Coordinates> maven(String coordinates) {
            if (coordinates == null) {
                return Optional.empty();
            }
            String[] parts = coordinates.strip().split(":");
            return parts.length == 3
                    ? Optional.of(new Coordinates(parts[0] + ":" + parts[1], parts[2]))
                    : Optional.of(new Coordinates(coordinates.strip(), null));
        }
    }
}
