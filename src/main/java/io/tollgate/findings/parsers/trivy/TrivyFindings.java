package io.tollgate.findings.parsers.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.tollgate.findings.parsers.JsonReports.integer;
import static io.tollgate.findings.parsers.JsonReports.text;
import static io.tollgate.findings.parsers.JsonReports.texts;
import static io.tollgate.findings.parsers.reading.FindingText.distinct;
import static io.tollgate.findings.parsers.reading.FindingText.joined;
import static io.tollgate.findings.parsers.reading.FindingText.labelled;

/**
 * Turns one Trivy result (one scanned target: an image's OS packages, a lock file, a template, a file with secrets)
 * into findings: vulnerabilities, failed misconfiguration checks, secrets, licences, and the findings Trivy itself
 * suppressed ({@code ExperimentalModifiedFindings}, written with {@code --show-suppressed}).
 */
final class TrivyFindings {

    static final String TOOL = "Trivy";

    /** Where a result was found: the target, its class, and the Kubernetes workload when there is one. */
    private record Target(String name, String resultClass, String workload) {

        boolean isFile() {
            return workload == null && !"os-pkgs".equals(resultClass);
        }
    }

    private final ReportSink sink;

    TrivyFindings(ReportSink sink) {
        this.sink = sink;
    }

    /** A workload of a Kubernetes report: namespace, kind, name and the results of scanning it. */
    void workload(JsonNode workload, String pointer) throws ReportFormatException {
        requireObject(workload, pointer);
        String name = joined("/", text(workload, "Namespace"), text(workload, "Kind"), text(workload, "Name"));
        List<JsonNode> results = objects(workload, "Results", pointer);
        for (int i = 0; i < results.size(); i++) {
            result(results.get(i), pointer + "/Results/" + i, name);
        }
    }

    void result(JsonNode result, String pointer, String workload) throws ReportFormatException {
        requireObject(result, pointer);
        Target target = new Target(text(result, "Target"), text(result, "Class"), workload);
        for (JsonNode vulnerability : objects(result, "Vulnerabilities", pointer)) {
            sink.finding(vulnerability(vulnerability, target).build());
        }
        for (JsonNode misconfiguration : objects(result, "Misconfigurations", pointer)) {
            String status = text(misconfiguration, "Status");
            if (!"PASS".equals(status)) {
                sink.finding(misconfiguration(misconfiguration, target)
                        .suppressed("EXCEPTION".equals(status), "EXCEPTION".equals(status) ? "excepted by a Trivy policy exception" : null)
                        .build());
            }
        }
        for (JsonNode secret : objects(result, "Secrets", pointer)) {
            sink.finding(secret(secret, target).build());
        }
        for (JsonNode license : objects(result, "Licenses", pointer)) {
            sink.finding(license(license, target).build());
        }
        List<JsonNode> modified = objects(result, "ExperimentalModifiedFindings", pointer);
        for (int i = 0; i < modified.size(); i++) {
            modified(modified.get(i), pointer + "/ExperimentalModifiedFindings/" + i, target);
        }
    }

    private NormalizedFinding.Builder vulnerability(JsonNode vulnerability, Target target) {
        String id = text(vulnerability, "VulnerabilityID");
        String packageName = text(vulnerability, "PkgName");
        String version = text(vulnerability, "InstalledVersion");
        String fixedVersion = text(vulnerability, "FixedVersion");
        String status = text(vulnerability, "Status");
        List<String> ids = new ArrayList<>();
        ids.add(id);
        ids.addAll(texts(vulnerability, "VendorIDs"));
        String filePath = text(vulnerability, "PkgPath");
        boolean notAffected = "not_affected".equals(status);
        return NormalizedFinding.builder(TOOL)
                .ruleId(id)
                .title(joined(" ", id, packageName == null ? null : "in " + packageName, version))
                .severity(Severity.fromLabel(text(vulnerability, "Severity")).orElseGet(() -> TrivyCvss.severity(vulnerability)))
                .cweIds(CweIds.parse(texts(vulnerability, "CweIDs")))
                .filePath(filePath != null || !target.isFile() ? filePath : target.name())
                .resource(target.isFile() ? null : target.workload() != null ? target.workload() : target.name())
                .packageName(packageName)
                .packageVersion(version)
                .fixedVersion(fixedVersion)
                .vulnerabilityIds(distinct(ids))
                .description(joined("\n\n", text(vulnerability, "Title"), text(vulnerability, "Description"),
                        labelled("Target", target.name()), labelled("Trivy status", status)))
                .remediation(fixedVersion == null ? null : "Upgrade " + packageName + " to " + fixedVersion + ".")
                .references(distinct(withFirst(text(vulnerability, "PrimaryURL"), texts(vulnerability, "References"))))
                .toolIdentity(text(vulnerability, "Fingerprint"))
                .suppressed(notAffected, notAffected ? "the vendor's advisory says the package is not affected" : null);
    }

    private NormalizedFinding.Builder misconfiguration(JsonNode misconfiguration, Target target) {
        String id = text(misconfiguration, "ID") != null ? text(misconfiguration, "ID") : text(misconfiguration, "AVDID");
        JsonNode cause = misconfiguration.path("CauseMetadata");
        return NormalizedFinding.builder(TOOL)
                .ruleId(id)
                .title(text(misconfiguration, "Title"))
                .severity(severity(misconfiguration))
                .filePath(target.workload() == null ? target.name() : null)
                .line(target.workload() == null ? integer(cause, "StartLine") : null)
                .resource(target.workload() != null ? target.workload() : text(cause, "Resource"))
                .description(joined("\n\n", text(misconfiguration, "Description"), text(misconfiguration, "Message")))
                .remediation(text(misconfiguration, "Resolution"))
                .references(distinct(withFirst(text(misconfiguration, "PrimaryURL"), texts(misconfiguration, "References"))));
    }

    private NormalizedFinding.Builder secret(JsonNode secret, Target target) {
        return NormalizedFinding.builder(TOOL)
                .ruleId(text(secret, "RuleID"))
                .title(text(secret, "Title"))
                .severity(severity(secret))
                .filePath(target.name())
                .line(integer(secret, "StartLine"))
                .resource(target.workload())
                .description(labelled("Secret category", text(secret, "Category")))
                .remediation("Revoke and rotate the secret, then remove it from the file and its history.")
                .secret(TrivySecretMatch.mask(text(secret, "Match")));
    }

    private NormalizedFinding.Builder license(JsonNode license, Target target) {
        String name = text(license, "Name");
        String packageName = text(license, "PkgName");
        String filePath = text(license, "FilePath");
        String category = text(license, "Category");
        return NormalizedFinding.builder(TOOL)
                .ruleId(name)
                .title(joined(" ", "Licence", name, packageName != null ? "of " + packageName : filePath != null ? "in " + filePath : null))
                .severity(severity(license))
                .filePath(filePath != null || !target.isFile() ? filePath : target.name())
                .resource(target.workload())
                .packageName(packageName)
                .description(category == null ? null : "Trivy classifies this licence as " + category.toLowerCase(Locale.ROOT) + ".")
                .references(texts(license, "Link"));
    }

    /** A finding Trivy suppressed through a VEX document or an ignore file: kept, and marked suppressed. */
    private void modified(JsonNode modified, String pointer, Target target) throws ReportFormatException {
        requireObject(modified, pointer);
        JsonNode finding = modified.path("Finding");
        requireObject(finding, pointer + "/Finding");
        String type = text(modified, "Type");
        NormalizedFinding.Builder builder = switch (type == null ? "" : type) {
            case "vulnerability" -> vulnerability(finding, target);
            case "misconfiguration" -> misconfiguration(finding, target);
            case "secret" -> secret(finding, target);
            case "license" -> license(finding, target);
            default -> null;
        };
        if (builder != null) {
            String why = joined(": ", text(modified, "Status"), text(modified, "Statement"));
            String source = text(modified, "Source");
            sink.finding(builder.suppressed(true, joined(" ", why, source == null ? null : "(" + source + ")")).build());
        }
    }

    private static Severity severity(JsonNode node) {
        return Severity.fromLabel(text(node, "Severity")).orElse(Severity.INFO);
    }

    /** The array's elements; a missing or null array is empty, anything else that is not an array of objects is refused. */
    private static List<JsonNode> objects(JsonNode parent, String field, String pointer) throws ReportFormatException {
        JsonNode array = parent.path(field);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new ReportFormatException(TrivyParser.ID, pointer + "/" + field, "expected an array");
        }
        List<JsonNode> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            requireObject(array.get(i), pointer + "/" + field + "/" + i);
            elements.add(array.get(i));
        }
        return elements;
    }

    private static void requireObject(JsonNode node, String pointer) throws ReportFormatException {
        if (!node.isObject()) {
            throw new ReportFormatException(TrivyParser.ID, pointer, "expected an object");
        }
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        all.addAll(rest);
        return all;
    }
}
