package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises results of secret rules, whose location snippet is the leaked secret (gitleaks writes the secret
 * there, Semgrep's secret rules the line that holds it): results of a secret scanner, of a rule whose id, name or
 * tags speak of secrets, credentials or keys, or of a rule about hard-coded credentials (CWE-798, CWE-259).
 */
final class SarifSecrets {

    private static final Pattern SECRET_SCANNER = Pattern.compile("gitleaks|trufflehog|detect-secrets|ggshield|secretlint",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_RULE = Pattern.compile(
            "secret|credential|api[-_ ]?key|access[-_ ]?key|private[-_ ]?key|hard-?coded[-_ ]?password", Pattern.CASE_INSENSITIVE);
    private static final List<Integer> HARD_CODED_CREDENTIALS = List.of(798, 259);

    private SarifSecrets() {
    }

    static boolean isHardCodedCredential(List<Integer> cweIds) {
        return cweIds.stream().anyMatch(HARD_CODED_CREDENTIALS::contains);
    }

    /** What the tool and the rule say of themselves, which is the same for every result of the rule. */
    static boolean namesSecrets(String toolName, String ruleId, JsonNode rule) {
        if (SECRET_SCANNER.matcher(toolName).find()) {
            return true;
        }
        List<String> names = new ArrayList<>(JsonReports.texts(rule.path("properties"), "tags"));
        names.add(ruleId);
        names.add(JsonReports.text(rule, "name"));
        return names.stream().anyMatch(name -> name != null && SECRET_RULE.matcher(name).find());
    }
}
