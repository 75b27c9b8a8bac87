package io.tollgate.findings.parsers.osv;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.Severity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The severity of each vulnerability of one package, on Tollgate's scale. In order: the record's own label
 * ({@code database_specific.severity}, as GitHub advisories give it: LOW, MODERATE, HIGH, CRITICAL); else the
 * highest CVSS v3 base score of its {@code severity} vectors; else the group's {@code max_severity} score; else the
 * highest severity of the other records of its alias group (a PYSEC record without severity takes that of the
 * GitHub advisory for the same problem); else MEDIUM.
 */
final class OsvSeverities {

    private final Map<String, JsonNode> recordsById = new HashMap<>();
    private final Map<String, JsonNode> groupsById = new HashMap<>();

    OsvSeverities(JsonNode vulnerablePackage) {
        for (JsonNode vulnerability : vulnerablePackage.path("vulnerabilities")) {
            Optional.ofNullable(JsonReports.text(vulnerability, "id")).ifPresent(id -> recordsById.put(id, vulnerability));
        }
        for (JsonNode group : vulnerablePackage.path("groups")) {
            JsonReports.texts(group, "ids").forEach(id -> groupsById.put(id, group));
        }
    }

    Severity of(JsonNode vulnerability) {
        Optional<Severity> own = own(vulnerability);
        if (own.isPresent()) {
            return own.get();
        }
        JsonNode group = groupsById.get(JsonReports.text(vulnerability, "id"));
        if (group == null) {
            return Severity.MEDIUM;
        }
        Optional<Severity> groupScore = score(JsonReports.text(group, "max_severity"));
        if (groupScore.isPresent()) {
            return groupScore.get();
        }
        List<String> members = JsonReports.texts(group, "ids");
        return members.stream()
                .map(recordsById::get)
                .filter(member -> member != null)
                .map(OsvSeverities::own)
                .flatMap(Optional::stream)
                .min(Enum::compareTo)
                .orElse(Severity.MEDIUM);
    }

    private static Optional<Severity> own(JsonNode vulnerability) {
        Optional<Severity> label = Severity.fromLabel(JsonReports.text(vulnerability.path("database_specific"), "severity"));
        if (label.isPresent()) {
            return label;
        }
        OptionalDouble best = vulnerability.path("severity").valueStream()
                .filter(entry -> "CVSS_V3".equals(JsonReports.text(entry, "type")))
                .map(entry -> CvssV3.baseScore(JsonReports.text(entry, "score")))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .max();
        return best.isPresent() ? Optional.of(Severity.fromCvss(best.getAsDouble())) : Optional.empty();
    }

    private static Optional<Severity> score(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Severity.fromCvss(Double.parseDouble(text.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
