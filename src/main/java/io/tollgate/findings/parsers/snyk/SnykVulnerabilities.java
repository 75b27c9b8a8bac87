package io.tollgate.findings.parsers.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one entry of a Snyk project's {@code vulnerabilities} (one issue reached through one dependency path) into
 * a finding, all but its location, which the project gives.
 */
final class SnykVulnerabilities {

    static final String TOOL = "Snyk";

    private SnykVulnerabilities() {
    }

    static NormalizedFinding.Builder toFinding(JsonNode vulnerability) {
        String id = JsonReports.text(vulnerability, "id");
        String name = Optional.ofNullable(JsonReports.text(vulnerability, "packageName")).orElse(JsonReports.text(vulnerability, "name"));
        String version = JsonReports.text(vulnerability, "version");
        List<String> path = JsonReports.texts(vulnerability, "from");
        return NormalizedFinding.builder(TOOL)
                .ruleId(id)
                .title(title(JsonReports.text(vulnerability, "title"), name, version))
                .severity(severity(vulnerability))
                .cweIds(CweIds.parse(JsonReports.texts(vulnerability.path("identifiers"), "CWE")))
                .packageName(name)
                .packageVersion(version)
                .fixedVersion(fixedVersion(vulnerability))
                .vulnerabilityIds(advisoryIds(vulnerability.path("identifiers")))
                .description(description(path, JsonReports.text(vulnerability, "description")))
                .remediation(remediation(vulnerability, name, path))
                .references(references(vulnerability, id));
    }

    /** Why an ignored issue is ignored: the reasons given in the Snyk policy, with their expiry. */
    static String ignoreReason(JsonNode vulnerability) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode rule : vulnerability.path("filtered").path("ignored")) {
            String reason = JsonReports.text(rule, "reason");
            String expires = JsonReports.text(rule, "expires");
            if (reason != null) {
                reasons.add(expires == null ? reason : reason + " (until " + expires + ")");
            }
        }
        return reasons.isEmpty() ? "ignored in the Snyk policy" : String.join("; ", reasons);
    }

    private static String title(String title, String name, String version) {
        String what = title == null ? "Vulnerability" : title;
        if (name == null) {
            return what;
        }
        return what + " in " + name + (version == null ? "" : "@" + version);
    }

    /**
     * Snyk's own rating ({@code severityWithCritical}, else {@code severity}: critical, high, medium, low), which
     * is what Snyk shows and gates on; else the CVSS score; else MEDIUM.
     */
    private static Severity severity(JsonNode vulnerability) {
        Optional<Severity> label = Severity.fromLabel(JsonReports.text(vulnerability, "severityWithCritical"))
                .or(() -> Severity.fromLabel(JsonReports.text(vulnerability, "severity")));
        if (label.isPresent()) {
            return label.get();
        }
        JsonNode score = vulnerability.path("cvssScore");
        return score.isNumber() ? Severity.fromCvss(score.asDouble()) : Severity.MEDIUM;
    }

    /** Snyk lists the first fixed version of every release line, e.g. "2.1.4, 2.0.10". */
    private static String fixedVersion(JsonNode vulnerability) {
        List<String> fixedIn = JsonReports.texts(vulnerability, "fixedIn");
        return fixedIn.isEmpty() ? null : String.join(", ", fixedIn);
    }

    /** Every identifier but the CWEs: CVE, GHSA and the other advisory databases Snyk cross-references. */
    private static List<String> advisoryIds(JsonNode identifiers) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> field : identifiers.properties()) {
            if (!field.getKey().equalsIgnoreCase("CWE")) {
                ids.addAll(JsonReports.texts(identifiers, field.getKey()));
            }
        }
        return new ArrayList<>(ids);
    }

    private static String description(List<String> path, String description) {
        if (path.isEmpty()) {
            return description;
        }
        String introduced = "Introduced through: " + String.join(" > ", path);
        return description == null ? introduced : introduced + "\n\n" + description;
    }

    /**
     * What Snyk says to do for this path. {@code upgradePath} mirrors {@code from}: the first entry that differs is
     * the upgrade to make; when it is deeper than the direct dependency, the direct dependency already allows it
     * and refreshing the lock file is enough. Else Snyk's patch, else at least the package's fixed version (an
     * image's OS package).
     */
    private static String remediation(JsonNode vulnerability, String name, List<String> path) {
        JsonNode upgradePath = vulnerability.path("upgradePath");
        for (int i = 1; i < path.size(); i++) {
            JsonNode upgrade = upgradePath.path(i);
            if (upgrade.isTextual() && !upgrade.asText().equals(path.get(i))) {
                return "Upgrade " + path.get(i) + " to " + upgrade.asText()
                        + (i > 1 ? " (" + path.get(1) + " already allows it: refresh the lock file)." : ".");
            }
        }
        if (vulnerability.path("isPatchable").asBoolean(false)) {
            return "Apply the Snyk patch for " + name + ".";
        }
        String fixedVersion = fixedVersion(vulnerability);
        return fixedVersion == null ? null : "Upgrade " + name + " to " + fixedVersion + ".";
    }

    private static List<String> references(JsonNode vulnerability, String id) {
        Set<String> urls = new LinkedHashSet<>();
        if (id != null && id.startsWith("SNYK-")) {
            urls.add("https://security.snyk.io/vuln/" + id);
        }
        for (JsonNode reference : vulnerability.path("references")) {
            Optional.ofNullable(JsonReports.text(reference, "url")).ifPresent(urls::add);
        }
        return new ArrayList<>(urls);
    }
}
