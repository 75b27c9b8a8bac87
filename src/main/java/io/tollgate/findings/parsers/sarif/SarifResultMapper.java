package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.MaskedSecret;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one SARIF result into findings. A result whose {@code kind} is not "fail" (pass, notApplicable,
 * informational, open, review) is not a finding, nor is a result a baseline comparison found gone
 * ({@code baselineState} "absent"). A result at several locations is a finding at each of them; a result without
 * location is one finding without location.
 */
final class SarifResultMapper {

    private static final int TITLE_LENGTH = 200;
    private static final String FILE_SCHEME = "file://";
    /** Shorter snippets are not secrets, and replacing them in texts would garble the texts. */
    private static final int SHORTEST_SECRET = 4;

    List<NormalizedFinding> map(JsonNode result, SarifRun run) {
        if (!isFailure(result) || "absent".equals(JsonReports.text(result, "baselineState"))) {
            return List.of();
        }
        JsonNode rule = run.rule(result);
        String ruleId = Texts.first(JsonReports.text(result, "ruleId"), JsonReports.text(result.path("rule"), "id"),
                JsonReports.text(rule, "id"));
        String message = SarifMessages.text(result, rule, run);
        List<Integer> cweIds = run.cweIds(result, rule);
        JsonNode locations = result.path("locations");
        Common common = new Common(run.toolName(), ruleId, title(message, rule), SarifSeverity.of(result, rule), cweIds,
                description(message, rule), remediation(result, rule), references(rule),
                run.dependency(result, rule, ruleId, message),
                locations.size() > 1 ? null : SarifIdentity.of(result),
                Suppression.of(result),
                run.isSecretRule(ruleId, rule, cweIds));
        if (!locations.isArray() || locations.isEmpty()) {
            return List.of(common.findingAt(MissingNode.getInstance()));
        }
        List<NormalizedFinding> findings = new ArrayList<>(locations.size());
        locations.forEach(location -> findings.add(common.findingAt(location)));
        return findings;
    }

    private static boolean isFailure(JsonNode result) {
        String kind = JsonReports.text(result, "kind");
        return kind == null || "fail".equals(kind);
    }

    /**
     * The first line of the message; the rule's short description when the message is a multi-line report (as
     * Trivy's are), or when there is no message.
     */
    private static String title(String message, JsonNode rule) {
        String shortDescription = JsonReports.text(rule.path("shortDescription"), "text");
        if (message == null || (message.contains("\n") && shortDescription != null)) {
            return shorten(Texts.first(shortDescription, JsonReports.text(rule, "name")));
        }
        return shorten(message.lines().findFirst().orElse(message));
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip();
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1).stripTrailing() + "…";
    }

    /** The message, followed by the rule's full description when that says more. */
    private static String description(String message, JsonNode rule) {
        String fullDescription = JsonReports.text(rule.path("fullDescription"), "text");
        if (message == null || fullDescription == null || message.contains(fullDescription.strip())) {
            return Texts.first(message, fullDescription);
        }
        return message + "\n\n" + fullDescription.strip();
    }

    /** The rule's help, else the description of the result's first proposed fix. */
    private static String remediation(JsonNode result, JsonNode rule) {
        return Texts.first(Texts.messageText(rule.path("help")),
                JsonReports.text(result.path("fixes").path(0).path("description"), "text"));
    }

    private static List<String> references(JsonNode rule) {
        String helpUri = JsonReports.text(rule, "helpUri");
        return helpUri == null ? List.of() : List.of(helpUri.strip());
    }

    /**
     * Whether the result is suppressed: it has a suppression whose status is not "rejected" (SARIF 2.1.0's
     * {@code status}, or {@code state} in logs written against drafts of it), with the first justification given.
     */
    private record Suppression(boolean suppressed, String reason) {

        static Suppression of(JsonNode result) {
            boolean suppressed = false;
            String reason = null;
            for (JsonNode suppression : result.path("suppressions")) {
                String status = Texts.first(JsonReports.text(suppression, "status"), JsonReports.text(suppression, "state"));
                if (!"rejected".equals(status)) {
                    suppressed = true;
                    reason = Texts.first(reason, JsonReports.text(suppression, "justification"));
                }
            }
            return new Suppression(suppressed, reason);
        }
    }

    /** What all findings of one result share; {@link #findingAt} adds where. */
    private record Common(String tool, String ruleId, String title, Severity severity, List<Integer> cweIds,
                          String description, String remediation, List<String> references, SarifDependency dependency,
                          String toolIdentity, Suppression suppression, boolean secretRule) {

        NormalizedFinding findingAt(JsonNode location) {
            JsonNode physical = location.path("physicalLocation");
            String uri = JsonReports.text(physical.path("artifactLocation"), "uri");
            boolean isResource = uri != null && isResource(uri);
            String snippet = JsonReports.text(physical.path("region").path("snippet"), "text");
            String secret = secretRule && snippet != null && snippet.strip().length() >= SHORTEST_SECRET ? snippet.strip() : null;
            MaskedSecret masked = MaskedSecret.of(secret);
            return NormalizedFinding.builder(tool)
                    .ruleId(ruleId)
                    .title(withoutSecret(title, secret, masked))
                    .severity(severity)
                    .cweIds(cweIds)
                    .filePath(isResource ? null : withoutFileScheme(uri))
                    .line(JsonReports.integer(physical.path("region"), "startLine"))
                    .resource(isResource ? uri : null)
                    .packageName(dependency.packageName())
                    .packageVersion(dependency.packageVersion())
                    .fixedVersion(dependency.fixedVersion())
                    .vulnerabilityIds(dependency.vulnerabilityIds())
                    .description(withoutSecret(description, secret, masked))
                    .remediation(withoutSecret(remediation, secret, masked))
                    .references(references)
                    .toolIdentity(toolIdentity)
                    .suppressed(suppression.suppressed(), suppression.reason())
                    .secret(masked)
                    .build();
        }

        /** A URL or an ARN names a resource, not a file of the repository. */
        private static boolean isResource(String uri) {
            return uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8)
                    || uri.regionMatches(true, 0, "arn:", 0, 4);
        }

        private static String withoutFileScheme(String uri) {
            return uri != null && uri.regionMatches(true, 0, FILE_SCHEME, 0, FILE_SCHEME.length())
                    ? uri.substring(FILE_SCHEME.length()) : uri;
        }

        private static String withoutSecret(String text, String secret, MaskedSecret masked) {
            return text == null || masked == null ? text : text.replace(secret, masked.masked());
        }
    }
}
