package io.tollgate.findings.parsers;

import java.util.List;

/**
 * One finding as any parser reports it, before Tollgate gives it an identity and a lifecycle.
 * Text fields a format does not have stay {@code null}, never "N/A".
 *
 * @param tool          the tool that found it (a SARIF run's driver, "Trivy", "Prowler"...)
 * @param ruleId        the tool's rule, check or advisory id
 * @param title         one line a person reads in a list
 * @param severity      on Tollgate's scale
 * @param cweIds        CWE numbers, without the "CWE-" prefix
 * @param filePath      source location: file, relative to the repository when the tool says so
 * @param line          source location: first line, or {@code null}
 * @param resource      cloud location: an ARN or resource id
 * @param packageName   dependency findings: the package
 * @param packageVersion dependency findings: the installed version
 * @param fixedVersion  dependency findings: the first version without the problem
 * @param vulnerabilityIds CVE, GHSA and other advisory ids
 * @param description   what is wrong
 * @param remediation   how to fix it
 * @param references    links to read more
 * @param toolIdentity  the tool's own stable id for this result (a SARIF fingerprint, an ASFF Id, a Prowler uid)
 * @param checkId       for account checks: the tool's check or control id, mapped onto Tollgate's controls
 * @param suppressed    the tool itself marked it suppressed, not affected or muted
 * @param suppressionReason why, when the tool says
 * @param secret        for secret findings: the masked secret and a hash of it, never the secret itself
 */
public record NormalizedFinding(
        String tool,
        String ruleId,
        String title,
        Severity severity,
        List<Integer> cweIds,
        String filePath,
        Integer line,
        String resource,
        String packageName,
        String packageVersion,
        String fixedVersion,
        List<String> vulnerabilityIds,
        String description,
        String remediation,
        List<String> references,
        String toolIdentity,
        String checkId,
        boolean suppressed,
        String suppressionReason,
        MaskedSecret secret) {

    public NormalizedFinding {
        cweIds = cweIds == null ? List.of() : List.copyOf(cweIds);
        vulnerabilityIds = vulnerabilityIds == null ? List.of() : List.copyOf(vulnerabilityIds);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static Builder builder(String tool) {
        return new Builder(tool);
    }

    /** Builds a finding field by field; blank strings become {@code null}. */
    public static final class Builder {
        private final String tool;
        private String ruleId;
        private String title;
        private Severity severity = Severity.MEDIUM;
        private List<Integer> cweIds = List.of();
        private String filePath;
        private Integer line;
        private String resource;
        private String packageName;
        private String packageVersion;
        private String fixedVersion;
        private List<String> vulnerabilityIds = List.of();
        private String description;
        private String remediation;
        private List<String> references = List.of();
        private String toolIdentity;
        private String checkId;
        private boolean suppressed;
        private String suppressionReason;
        private MaskedSecret secret;

        private Builder(String tool) {
            this.tool = tool;
        }

        public Builder ruleId(String value) { ruleId = blankToNull(value); return this; }
        public Builder title(String value) { title = blankToNull(value); return this; }
        public Builder severity(Severity value) { severity = value; return this; }
        public Builder cweIds(List<Integer> value) { cweIds = value; return this; }
        public Builder filePath(String value) { filePath = blankToNull(value); return this; }
        public Builder line(Integer value) { line = value != null && value > 0 ? value : null; return this; }
        public Builder resource(String value) { resource = blankToNull(value); return this; }
        public Builder packageName(String value) { packageName = blankToNull(value); return this; }
        public Builder packageVersion(String value) { packageVersion = blankToNull(value); return this; }
        public Builder fixedVersion(String value) { fixedVersion = blankToNull(value); return this; }
        public Builder vulnerabilityIds(List<String> value) { vulnerabilityIds = value; return this; }
        public Builder description(String value) { description = blankToNull(value); return this; }
        public Builder remediation(String value) { remediation = blankToNull(value); return this; }
        public Builder references(List<String> value) { references = value; return this; }
        public Builder toolIdentity(String value) { toolIdentity = blankToNull(value); return this; }
        public Builder checkId(String value) { checkId = blankToNull(value); return this; }
        public Builder suppressed(boolean value, String reason) { suppressed = value; suppressionReason = blankToNull(reason); return this; }
        public Builder secret(MaskedSecret value) { secret = value; return this; }

        public NormalizedFinding build() {
            String shownTitle = title != null ? title : ruleId != null ? ruleId : "Untitled finding";
            return new NormalizedFinding(tool, ruleId, shownTitle, severity == null ? Severity.MEDIUM : severity, cweIds,
                    filePath, line, resource, packageName, packageVersion, fixedVersion, vulnerabilityIds, description,
                    remediation, references, toolIdentity, checkId, suppressed, suppressionReason, secret);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
