package io.tollgate.findings.importing;

import io.tollgate.findings.parsers.Digests;
import io.tollgate.findings.parsers.NormalizedFinding;

import java.util.HexFormat;

/**
 * The stable identity of a finding across scans of one component. The tool's own identity wins when it gives one
 * (SARIF fingerprints, ASFF Id, Prowler uid), so that a line shift does not make a new finding; otherwise the rule
 * with the location that makes it unique: the package and version, the cloud resource, or the file and line.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(NormalizedFinding f) {
        String identity;
        if (f.toolIdentity() != null) {
            identity = join("tool", f.tool(), f.ruleId(), f.toolIdentity());
        } else if (f.packageName() != null) {
            identity = join("package", f.tool(), f.ruleId(), String.join(",", f.vulnerabilityIds()), f.packageName(),
                    f.packageVersion(), f.filePath());
        } else if (f.resource() != null) {
            identity = join("resource", f.tool(), f.checkId() != null ? f.checkId() : f.ruleId(), f.resource());
        } else {
            identity = join("location", f.tool(), f.ruleId() != null ? f.ruleId() : f.title(), f.filePath(),
                    f.line() == null ? null : f.line().toString(), f.secret() == null ? null : f.secret().sha256());
        }
        return Digests.sha256(identity);
    }

    /**
     * The fingerprint's first 64 bits as a number: what the findings' unique index holds in its place (migration V17
     * computes the same in SQL for the rows it found).
     */
    static long key(String fingerprint) {
        return HexFormat.fromHexDigitsToLong(fingerprint, 0, 16);
    }

    /** Parts joined with a separator that cannot occur in them, with absent parts marked as such. */
    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append(part == null ? "\u0000" : part).append('\u001f');
        }
        return out.toString();
    }
}
