package io.tollgate.findings.parsers.checkov;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.Severity;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * One failed or skipped check of a Checkov report: a policy ({@code CKV_AWS_117}) that an IaC resource breaks, or,
 * for the {@code sca_package} framework, a vulnerable dependency with {@code vulnerability_details}.
 */
final class CheckovCheck {

    /** What Checkov writes as {@code lowest_fixed_version} when no version fixes the vulnerability. */
    private static final String NO_FIX = "N/A";

    private CheckovCheck() {
    }

    static NormalizedFinding failed(JsonNode check, String pointer) throws ReportFormatException {
        return builder(check, pointer).build();
    }

    /** A check skipped with a {@code checkov:skip} comment or a baseline: kept, marked suppressed. */
    static NormalizedFinding skipped(JsonNode check, String pointer) throws ReportFormatException {
        String comment = JsonReports.text(check.path("check_result"), "suppress_comment");
        return builder(check, pointer)
                .suppressed(true, comment == null ? "skipped in Checkov" : comment)
                .build();
    }

    private static NormalizedFinding.Builder builder(JsonNode check, String pointer) throws ReportFormatException {
        if (!check.isObject() || JsonReports.text(check, "check_id") == null) {
            throw new ReportFormatException(CheckovParser.ID, pointer, "a check without check_id");
        }
        JsonNode vulnerability = check.path("vulnerability_details");
        String fixedVersion = JsonReports.text(vulnerability, "lowest_fixed_version");
        return NormalizedFinding.builder(CheckovParser.TOOL)
                .ruleId(JsonReports.text(check, "check_id"))
                .title(title(check, vulnerability))
                .severity(severity(check, vulnerability))
                .filePath(JsonReports.text(check, "file_path"))
                .line(firstLine(check))
                .resource(JsonReports.text(check, "resource"))
                .packageName(JsonReports.text(vulnerability, "package_name"))
                .packageVersion(JsonReports.text(vulnerability, "package_version"))
                .fixedVersion(NO_FIX.equals(fixedVersion) ? null : fixedVersion)
                .vulnerabilityIds(JsonReports.texts(vulnerability, "id"))
                .description(Optional.ofNullable(JsonReports.text(check, "description"))
                        .orElse(JsonReports.text(vulnerability, "description")))
                .references(Stream.concat(JsonReports.texts(check, "guideline").stream(),
                        JsonReports.texts(vulnerability, "link").stream()).toList());
    }

    /** The check's name; for a vulnerable dependency, whose check name is only "SCA package scan", "CVE - package: version". */
    private static String title(JsonNode check, JsonNode vulnerability) {
        String shortDescription = JsonReports.text(check, "short_description");
        return vulnerability.isObject() && shortDescription != null ? shortDescription : JsonReports.text(check, "check_name");
    }

    /** The first line of {@code file_line_range}; dependency checks say 0, which means none. */
    private static Integer firstLine(JsonNode check) {
        JsonNode first = check.path("file_line_range").path(0);
        return first.isNumber() ? first.asInt() : null;
    }

    /** Checkov's label (CRITICAL, HIGH, MEDIUM, LOW, INFO); often null without a Prisma Cloud key: then MEDIUM. */
    private static Severity severity(JsonNode check, JsonNode vulnerability) {
        return Severity.fromLabel(JsonReports.text(check, "severity"))
                .or(() -> Severity.fromLabel(JsonReports.text(vulnerability, "severity")))
                .orElse(Severity.MEDIUM);
    }
}
