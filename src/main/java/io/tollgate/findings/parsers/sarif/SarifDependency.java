package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dependency scanner's SARIF says about the vulnerable package. SARIF has no fields for it, so producers
 * write it in text: advisory ids (CVE, GHSA) in the rule's id or name (Trivy, Grype, Dependency-Check, Black Duck),
 * the package and its versions as "Package:", "Installed Version:"/"Version:" and "Fixed Version:"/"Fix Version:"
 * lines of the result's message (Trivy) or of the rule's help (Grype), or as {@code component} and
 * {@code componentVersion} properties of the result (Black Duck). Every part may be absent.
 *
 * @param packageName      the package, or {@code null}
 * @param packageVersion   the installed version, or {@code null}
 * @param fixedVersion     the first version without the problem, or {@code null}
 * @param vulnerabilityIds CVE and GHSA ids, without duplicates
 */
record SarifDependency(String packageName, String packageVersion, String fixedVersion, List<String> vulnerabilityIds) {

    private static final Pattern ADVISORY = Pattern.compile("\\b(CVE-\\d{4}-\\d{4,}|GHSA(-[0-9a-z]{4}){3})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELLED_LINE = Pattern.compile(
            "^[ \\t]*(Package|Installed Version|Version|Fixed Version|Fix Version):[ \\t]*(.*?)[ \\t]*$", Pattern.MULTILINE);
    private static final String PACKAGE = "Package";

    /** What a rule says of the package in its help, and the advisory ids its name holds: read once per rule. */
    record OfRule(Map<String, String> helpLines, List<String> nameAdvisories) {

        static OfRule of(JsonNode rule) {
            Map<String, String> helpLines = labelledLines(JsonReports.text(rule.path("help"), "text"));
            return new OfRule(helpLines.containsKey(PACKAGE) ? helpLines : Map.of(), advisories(JsonReports.text(rule, "name")));
        }
    }

    /**
     * @param ruleAdvisories the advisory ids in the result's rule id (see {@link #advisories})
     */
    static SarifDependency of(JsonNode result, OfRule rule, List<String> ruleAdvisories, String message) {
        // Only a message with a "Package:" line names the package; most messages have none and are not searched.
        Map<String, String> lines = message != null && message.contains(PACKAGE + ":") ? labelledLines(message) : Map.of();
        if (!lines.containsKey(PACKAGE)) {
            lines = rule.helpLines();
        }
        JsonNode properties = result.path("properties");
        List<String> advisories = ruleAdvisories;
        if (!rule.nameAdvisories().isEmpty()) {
            Set<String> both = new LinkedHashSet<>(ruleAdvisories);
            both.addAll(rule.nameAdvisories());
            advisories = new ArrayList<>(both);
        }
        return new SarifDependency(
                Texts.first(JsonReports.text(properties, "component"), lines.get(PACKAGE)),
                Texts.first(JsonReports.text(properties, "componentVersion"), lines.get("Installed Version"), lines.get("Version")),
                Texts.first(lines.get("Fixed Version"), lines.get("Fix Version")),
                advisories);
    }

    private static Map<String, String> labelledLines(String text) {
        Map<String, String> lines = new HashMap<>();
        Matcher line = LABELLED_LINE.matcher(text == null ? "" : text);
        while (line.find()) {
            if (!line.group(2).isEmpty()) {
                lines.putIfAbsent(line.group(1), line.group(2));
            }
        }
        return lines;
    }

    /** The CVE and GHSA ids a text names, without duplicates, in order. */
    static List<String> advisories(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher advisory = ADVISORY.matcher(text == null ? "" : text);
        while (advisory.find()) {
            String id = advisory.group(1);
            ids.add(id.regionMatches(true, 0, "CVE", 0, 3) ? id.toUpperCase(Locale.ROOT) : "GHSA" + id.substring(4).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(ids);
    }
}
