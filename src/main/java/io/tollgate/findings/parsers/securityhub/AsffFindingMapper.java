package io.tollgate.findings.parsers.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.PassedCheck;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.tollgate.findings.parsers.JsonReports.text;

/**
 * Turns one ASFF finding into what Tollgate keeps of it: a passed control evaluation (compliance PASSED), nothing
 * (an ARCHIVED record, which Security Hub no longer considers current), or a normalized finding.
 */
final class AsffFindingMapper {

    private static final String DEFAULT_TOOL = "Security Hub";

    void report(JsonNode finding, String pointer, ReportSink sink) throws ReportFormatException {
        String id = text(finding, "Id");
        if (id == null) {
            throw new ReportFormatException(AsffParser.ID, pointer + "/Id", "missing the finding Id");
        }
        if ("ARCHIVED".equalsIgnoreCase(text(finding, "RecordState"))) {
            return;
        }
        String tool = tool(finding);
        String checkId = checkId(finding);
        String resource = text(finding.path("Resources").path(0), "Id");
        if ("PASSED".equalsIgnoreCase(text(finding.path("Compliance"), "Status"))) {
            sink.passed(new PassedCheck(tool, checkId, resource));
            return;
        }
        JsonNode vulnerabilities = finding.path("Vulnerabilities");
        List<String> vulnerabilityIds = vulnerabilityIds(vulnerabilities);
        JsonNode vulnerablePackage = vulnerabilities.path(0).path("VulnerablePackages").path(0);
        JsonNode recommendation = finding.path("Remediation").path("Recommendation");
        boolean suppressed = "SUPPRESSED".equalsIgnoreCase(text(finding.path("Workflow"), "Status"))
                || "SUPPRESSED".equalsIgnoreCase(text(finding, "WorkflowState"));

        List<String> cweSources = new ArrayList<>(vulnerabilityIds);
        cweSources.add(text(finding, "Title"));
        sink.finding(NormalizedFinding.builder(tool)
                .ruleId(ruleId(finding, checkId, vulnerabilityIds))
                .checkId(checkId)
                .title(text(finding, "Title"))
                .severity(severity(finding))
                .cweIds(CweIds.parse(cweSources))
                .resource(resource)
                .packageName(text(vulnerablePackage, "Name"))
                .packageVersion(installedVersion(vulnerablePackage))
                .fixedVersion(text(vulnerablePackage, "FixedInVersion"))
                .vulnerabilityIds(vulnerabilityIds)
                .description(text(finding, "Description"))
                .remediation(text(recommendation, "Text"))
                .references(references(finding, recommendation, vulnerabilities))
                .toolIdentity(id)
                .suppressed(suppressed, suppressed ? suppressionReason(finding) : null)
                .build());
    }

    /** The product that produced the finding: Inspector, GuardDuty, Security Hub itself, Prowler... */
    private static String tool(JsonNode finding) {
        String product = text(finding, "ProductName");
        if (product == null) {
            product = text(finding.path("ProductFields"), "aws/securityhub/ProductName");
        }
        return product == null ? DEFAULT_TOOL : product;
    }

    /**
     * The control id for compliance checks: the consolidated security control id (Lambda.1), the standard's
     * control id, or the generator (a CIS rule, a custom check). Findings without a compliance status are not
     * control evaluations and have none.
     */
    private static String checkId(JsonNode finding) {
        JsonNode compliance = finding.path("Compliance");
        String control = text(compliance, "SecurityControlId");
        if (control == null) {
            control = text(finding.path("ProductFields"), "ControlId");
        }
        if (control == null && !compliance.isMissingNode()) {
            control = text(finding, "GeneratorId");
        }
        return control;
    }

    private static String ruleId(JsonNode finding, String checkId, List<String> vulnerabilityIds) {
        if (checkId != null) {
            return checkId;
        }
        return vulnerabilityIds.isEmpty() ? text(finding, "GeneratorId") : vulnerabilityIds.get(0);
    }

    /**
     * Security Hub's label when the finding has one; else the label the provider set; else the normalized score
     * with the ranges Security Hub itself uses for labels (0 informational, 1-39 low, 40-69 medium, 70-89 high,
     * 90-100 critical).
     */
    private static Severity severity(JsonNode finding) {
        return Severity.fromLabel(text(finding.path("Severity"), "Label"))
                .or(() -> Severity.fromLabel(text(finding.path("FindingProviderFields").path("Severity"), "Label")))
                .orElseGet(() -> fromNormalized(finding.path("Severity").path("Normalized")));
    }

    private static Severity fromNormalized(JsonNode normalized) {
        if (!normalized.isNumber()) {
            return Severity.MEDIUM;
        }
        int score = normalized.asInt();
        if (score >= 90) {
            return Severity.CRITICAL;
        }
        if (score >= 70) {
            return Severity.HIGH;
        }
        if (score >= 40) {
            return Severity.MEDIUM;
        }
        return score >= 1 ? Severity.LOW : Severity.INFO;
    }

    private static List<String> vulnerabilityIds(JsonNode vulnerabilities) {
        Set<String> ids = new LinkedHashSet<>();
        vulnerabilities.forEach(vulnerability -> {
            String id = text(vulnerability, "Id");
            if (id != null) {
                ids.add(id);
            }
        });
        return List.copyOf(ids);
    }

    /** The installed version as the package manager writes it: epoch (when not 0), version and release. */
    private static String installedVersion(JsonNode vulnerablePackage) {
        String version = text(vulnerablePackage, "Version");
        if (version == null) {
            return null;
        }
        String epoch = text(vulnerablePackage, "Epoch");
        String release = text(vulnerablePackage, "Release");
        return (epoch == null || epoch.equals("0") ? "" : epoch + ":") + version + (release == null ? "" : "-" + release);
    }

    private static List<String> references(JsonNode finding, JsonNode recommendation, JsonNode vulnerabilities) {
        Set<String> urls = new LinkedHashSet<>();
        addIfPresent(urls, text(recommendation, "Url"));
        addIfPresent(urls, text(finding, "SourceUrl"));
        vulnerabilities.forEach(vulnerability -> {
            addIfPresent(urls, text(vulnerability.path("Vendor"), "Url"));
            vulnerability.path("ReferenceUrls").forEach(url -> addIfPresent(urls, url.asText(null)));
        });
        return List.copyOf(urls);
    }

    private static void addIfPresent(Set<String> urls, String url) {
        if (url != null && !url.isBlank()) {
            urls.add(url);
        }
    }

    private static String suppressionReason(JsonNode finding) {
        String note = text(finding.path("Note"), "Text");
        return note != null ? note : "workflow status SUPPRESSED in Security Hub";
    }
}
