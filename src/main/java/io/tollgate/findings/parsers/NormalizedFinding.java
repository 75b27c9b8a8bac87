package io.tollgate.findings.parsers;

import java.util.List;

/**
 * One finding as any parser reports it, before Tollgate gives it an identity and a lifecycle.
 * Text fields a format does not have stay {@code null}, never "N/A". Texts longer than a field's cap (the constants
 * below, documented in docs/formats/README.md) are cut with a marker saying how much was cut ({@link TextCut}); lists
 * keep their first {@link #MAX_LIST_ENTRIES} entries.
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

    /** Tool names and package versions. */
    public static final int SHORT_CHARS = 100;
    /** Rule and check ids, package names and fixed versions. */
    public static final int NAME_CHARS = 300;
    /** Titles and the tool's own identities. */
    public static final int TITLE_CHARS = 500;
    /** File paths. */
    public static final int PATH_CHARS = 1000;
    /** Cloud resources (ARNs), each reference link and the tool's reason for a suppression. */
    public static final int LINK_CHARS = 2000;
    /** Descriptions and remediation: also how much element text readers of XML reports keep. */
    public static final int LONG_TEXT_CHARS = 65_536;
    /** CWE ids, advisory ids and references kept per finding. */
    public static final int MAX_LIST_ENTRIES = 100;

    public NormalizedFinding {
        tool = TextCut.cut(tool, SHORT_CHARS);
        ruleId = TextCut.cut(ruleId, NAME_CHARS);
        title = TextCut.cut(title, TITLE_CHARS);
        cweIds = cweIds == null ? List.of() : List.copyOf(first(cweIds));
        filePath = TextCut.cut(filePath, PATH_CHARS);
        resource = TextCut.cut(resource, LINK_CHARS);
        packageName = TextCut.cut(packageName, NAME_CHARS);
        packageVersion = TextCut.cut(packageVersion, SHORT_CHARS);
        fixedVersion = TextCut.cut(fixedVersion, NAME_CHARS);
        vulnerabilityIds = texts(vulnerabilityIds, SHORT_CHARS);
        description = TextCut.cut(description, LONG_TEXT_CHARS);
        remediation = TextCut.cut(remediation, LONG_TEXT_CHARS);
        references = texts(references, LINK_CHARS);
        toolIdentity = TextCut.cut(toolIdentity, TITLE_CHARS);
        checkId = TextCut.cut(checkId, NAME_CHARS);
        suppressionReason = TextCut.cut(suppressionReason, LINK_CHARS);
    }

    private static <T> List<T> first(List<T> values) {
        return values.size() > MAX_LIST_ENTRIES ? values.subList(0, MAX_LIST_ENTRIES) : values;
    }

    private static List<String> texts(List<String> values, int cap) {
        return values == null ? List.of() : List.copyOf(first(values).stream().map(v -> TextCut.cut(v, cap)).toList());
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
