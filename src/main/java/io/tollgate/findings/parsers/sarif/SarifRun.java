package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.ReportFormatException;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run states once for all its results: the name of its tool's driver, the rules of the driver and of its
 * extensions (plugins, query packs), the driver's global message strings, and the run's taxonomies, which CWE
 * references point into.
 */
final class SarifRun {

    private static final String CWE_TAXONOMY = "CWE";

    private final String pointer;
    private final String toolName;
    private final JsonNode driver;
    private final JsonNode extensions;
    private final JsonNode taxonomies;
    private final Map<String, JsonNode> rulesById = new HashMap<>();
    private final Map<String, Boolean> secretRules = new HashMap<>();
    private final Map<JsonNode, SarifCwes.OfRule> cwesOfRules = new IdentityHashMap<>();
    private final Map<JsonNode, SarifDependency.OfRule> dependenciesOfRules = new IdentityHashMap<>();
    private final Map<String, List<String>> advisoriesOfRuleIds = new HashMap<>();

    private SarifRun(String pointer, String toolName, JsonNode tool, JsonNode taxonomies) {
        this.pointer = pointer;
        this.toolName = toolName;
        this.driver = tool.path("driver");
        this.extensions = tool.path("extensions");
        this.taxonomies = taxonomies == null ? MissingNode.getInstance() : taxonomies;
        indexById(driver);
        extensions.forEach(this::indexById);
    }

    /** The run whose tool and taxonomies are these; {@code pointer} is where the run is in the log. */
    static SarifRun of(JsonNode tool, JsonNode taxonomies, String pointer) throws ReportFormatException {
        String name = JsonReports.text(tool.path("driver"), "name");
        if (name == null) {
            throw new ReportFormatException(SarifParser.ID, pointer + "/tool/driver/name", "the run's tool has no name");
        }
        return new SarifRun(pointer, name.strip(), tool, taxonomies);
    }

    String pointer() {
        return pointer;
    }

    String toolName() {
        return toolName;
    }

    /**
     * The rule a result refers to: by index ({@code ruleIndex}, or {@code rule.index} in the tool component that
     * {@code rule.toolComponent} names), else by id ({@code ruleId} or {@code rule.id}) among the driver's rules and
     * then the extensions'. A missing node when the tool does not describe the rule.
     */
    JsonNode rule(JsonNode result) {
        JsonNode reference = result.path("rule");
        Integer index = Texts.first(JsonReports.integer(result, "ruleIndex"), JsonReports.integer(reference, "index"));
        JsonNode rules = component(reference.path("toolComponent")).path("rules");
        if (index != null && rules.isArray() && index >= 0 && index < rules.size()) {
            return rules.get(index);
        }
        String id = Texts.first(JsonReports.text(result, "ruleId"), JsonReports.text(reference, "id"));
        JsonNode rule = id == null ? null : rulesById.get(id);
        return rule == null ? MissingNode.getInstance() : rule;
    }

    /** The CWE ids of a result of this rule; what the rule states is read once per rule, not once per result. */
    List<Integer> cweIds(JsonNode result, JsonNode rule) {
        return SarifCwes.of(result, cwesOfRules.computeIfAbsent(rule, r -> SarifCwes.ofRule(r, this)), this);
    }

    /** What a result of this rule says of a vulnerable package; what the rule says is read once per rule. */
    SarifDependency dependency(JsonNode result, JsonNode rule, String ruleId, String message) {
        return SarifDependency.of(result, dependenciesOfRules.computeIfAbsent(rule, SarifDependency.OfRule::of),
                ruleId == null ? List.of() : advisoriesOfRuleIds.computeIfAbsent(ruleId, SarifDependency::advisories), message);
    }

    /**
     * Whether a result of this rule is a secret the tool found (see {@link SarifSecrets}); what the rule says of
     * itself is read once per rule, not once per result.
     */
    boolean isSecretRule(String ruleId, JsonNode rule, List<Integer> cweIds) {
        return SarifSecrets.isHardCodedCredential(cweIds) || (ruleId == null
                ? SarifSecrets.namesSecrets(toolName, null, rule)
                : secretRules.computeIfAbsent(ruleId, id -> SarifSecrets.namesSecrets(toolName, id, rule)));
    }

    /** A message string of the tool's driver, by id, or {@code null}. */
    String globalMessageString(String id) {
        return id == null ? null : Texts.messageText(driver.path("globalMessageStrings").path(id));
    }

    /** The CWE ids a reference to a taxon means: none unless the taxon belongs to a taxonomy named CWE. */
    List<Integer> cweIds(JsonNode taxonReference) {
        JsonNode componentReference = taxonReference.path("toolComponent");
        JsonNode taxonomy = taxonomy(componentReference);
        String taxonomyName = Texts.first(JsonReports.text(componentReference, "name"), JsonReports.text(taxonomy, "name"));
        if (!CWE_TAXONOMY.equalsIgnoreCase(taxonomyName)) {
            return List.of();
        }
        Integer index = JsonReports.integer(taxonReference, "index");
        String taxonId = Texts.first(JsonReports.text(taxonReference, "id"),
                index == null ? null : JsonReports.text(taxonomy.path("taxa").path(index), "id"));
        return CweIds.number(taxonId);
    }

    private void indexById(JsonNode component) {
        for (JsonNode rule : component.path("rules")) {
            String id = JsonReports.text(rule, "id");
            if (id != null) {
                rulesById.putIfAbsent(id, rule);
            }
        }
    }

    /** The tool component a reference names: an extension by index or name, else the driver. */
    private JsonNode component(JsonNode reference) {
        return referenced(reference, extensions, driver);
    }

    private JsonNode taxonomy(JsonNode reference) {
        return referenced(reference, taxonomies, MissingNode.getInstance());
    }

    /** The element of {@code candidates} that a tool component reference names by index or by name. */
    private static JsonNode referenced(JsonNode reference, JsonNode candidates, JsonNode otherwise) {
        Integer index = JsonReports.integer(reference, "index");
        if (index != null) {
            return candidates.path(index);
        }
        String name = JsonReports.text(reference, "name");
        for (JsonNode candidate : candidates) {
            if (name != null && name.equals(JsonReports.text(candidate, "name"))) {
                return candidate;
            }
        }
        return otherwise;
    }
}
