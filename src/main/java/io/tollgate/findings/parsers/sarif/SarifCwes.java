package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.JsonReports;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CWE ids of a result, from wherever producers put them: {@code tags} of the rule's or the result's properties
 * ("external/cwe/cwe-079" from CodeQL, "CWE-79: ..." from Semgrep), properties named {@code cwe...} (Snyk Code,
 * Black Duck), relationships of the rule and taxa of the result that point into a taxonomy named CWE (KICS), and a
 * rule help link to a cwe.mitre.org definition page.
 */
final class SarifCwes {

    private static final Pattern CWE_PAGE = Pattern.compile("cwe\\.mitre\\.org/data/definitions/(\\d{1,5})\\.html");

    private SarifCwes() {
    }

    /** The CWE ids a rule states for all its results: in its properties, its relationships and its help link. */
    record OfRule(Set<Integer> inProperties, Set<Integer> inRelationships, Integer helpPage) {
    }

    static OfRule ofRule(JsonNode rule, SarifRun run) {
        Set<Integer> inProperties = new LinkedHashSet<>();
        fromProperties(rule.path("properties"), inProperties);
        Set<Integer> inRelationships = new LinkedHashSet<>();
        rule.path("relationships").forEach(relationship -> inRelationships.addAll(run.cweIds(relationship.path("target"))));
        String helpUri = JsonReports.text(rule, "helpUri");
        Matcher page = CWE_PAGE.matcher(helpUri == null ? "" : helpUri);
        return new OfRule(inProperties, inRelationships, page.find() ? Integer.valueOf(page.group(1)) : null);
    }

    static List<Integer> of(JsonNode result, OfRule rule, SarifRun run) {
        Set<Integer> ids = new LinkedHashSet<>(rule.inProperties());
        fromProperties(result.path("properties"), ids);
        ids.addAll(rule.inRelationships());
        result.path("taxa").forEach(taxon -> ids.addAll(run.cweIds(taxon)));
        if (rule.helpPage() != null) {
            ids.add(rule.helpPage());
        }
        return List.copyOf(ids);
    }

    private static void fromProperties(JsonNode properties, Set<Integer> ids) {
        ids.addAll(CweIds.parse(JsonReports.texts(properties, "tags")));
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (property.getKey().toLowerCase(Locale.ROOT).startsWith("cwe")) {
                JsonReports.texts(properties, property.getKey()).forEach(text -> ids.addAll(CweIds.number(text)));
            }
        }
    }
}
