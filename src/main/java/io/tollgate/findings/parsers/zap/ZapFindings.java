package io.tollgate.findings.parsers.zap;

import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.findings.parsers.reading.FindingText;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One finding per ZAP alert: the rule that fired, located on the first of the URLs it fired on in alphabetical order
 * (not in the order ZAP happened to crawl them, so that the location stays the same from scan to scan), with the
 * number of affected requests and the first of them listed in the description. Confidence "0" means a person marked
 * the alert a false positive in ZAP: such alerts are kept as suppressed.
 */
final class ZapFindings {

    static final String TOOL = "ZAP";

    private static final int LISTED_INSTANCES = 20;
    private static final String FALSE_POSITIVE = "0";

    private ZapFindings() {
    }

    static NormalizedFinding of(ZapAlert alert) {
        List<ZapAlert.Instance> instances = alert.instances();
        String firstUri = instances.stream().map(ZapAlert.Instance::uri).filter(u -> u != null).sorted().findFirst().orElse(alert.site());
        boolean falsePositive = FALSE_POSITIVE.equals(alert.confidence());
        return NormalizedFinding.builder(TOOL)
                .ruleId(alert.alertRef() != null ? alert.alertRef() : alert.pluginId())
                .title(alert.name())
                .severity(severity(alert))
                .cweIds(CweIds.number(alert.cweId()).stream().filter(id -> id > 0).toList())
                .resource(firstUri)
                .description(description(alert))
                .remediation(HtmlText.text(alert.solution()))
                .references(HtmlText.links(alert.reference()))
                .suppressed(falsePositive, falsePositive ? "marked as a false positive in ZAP" : null)
                .build();
    }

    /** Risk code 3 high, 2 medium, 1 low, 0 informational; else the first word of the risk description. */
    private static Severity severity(ZapAlert alert) {
        String code = alert.riskCode() == null ? "" : alert.riskCode().strip();
        return switch (code) {
            case "3" -> Severity.HIGH;
            case "2" -> Severity.MEDIUM;
            case "1" -> Severity.LOW;
            case "0" -> Severity.INFO;
            default -> Severity.fromLabel(firstWord(alert.riskDescription())).orElse(Severity.INFO);
        };
    }

    private static String description(ZapAlert alert) {
        List<ZapAlert.Instance> instances = alert.instances();
        int count = alert.count() != null ? Math.max(alert.count(), instances.size()) : instances.size();
        String listed = instances.stream().limit(LISTED_INSTANCES).map(ZapFindings::line).collect(Collectors.joining("\n"));
        String more = count > LISTED_INSTANCES ? "\n… and " + (count - LISTED_INSTANCES) + " more" : "";
        String otherInfo = HtmlText.text(alert.otherInfo());
        return FindingText.joined("\n\n", HtmlText.text(alert.description()),
                otherInfo == null ? null : "Other information:\n" + otherInfo,
                instances.isEmpty() ? null : "Found on " + count + (count == 1 ? " request:\n" : " requests:\n") + listed + more);
    }

    private static String line(ZapAlert.Instance instance) {
        String request = FindingText.joined(" ", instance.method(), instance.uri());
        return "- " + (request == null ? "(no URL)" : request) + (instance.param() == null ? "" : " (parameter " + instance.param() + ")");
    }

    private static String firstWord(String text) {
        return text == null || text.isBlank() ? null : text.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    }
}
