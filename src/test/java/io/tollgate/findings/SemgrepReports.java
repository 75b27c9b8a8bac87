package io.tollgate.findings;

import java.util.List;
import java.util.stream.Collectors;

/** Semgrep JSON reports written on the fly for import tests: one result per rule and line given. */
public final class SemgrepReports {

    public record Result(String rule, String path, int line, String severity, String cwe) {
    }

    private SemgrepReports() {
    }

    public static String report(List<Result> results) {
        return "{\"version\": \"1.50.0\", \"results\": [" + results.stream().map(SemgrepReports::result)
                .collect(Collectors.joining(",\n")) + "], \"errors\": [], \"paths\": {\"scanned\": []}}";
    }

    static String result(Result r) {
        return """
                {"check_id": "%s", "path": "%s", "start": {"line": %d, "col": 5, "offset": 10},
                 "end": {"line": %d, "col": 40, "offset": 45},
                 "extra": {"message": "Untrusted event data reaches %s", "severity": "%s",
                   "metadata": {"cwe": ["%s"], "references": ["https://owasp.org/Top10/"]},
                   "lines": "requires login", "fingerprint": "requires login", "is_ignored": false}}"""
                .formatted(r.rule(), r.path(), r.line(), r.line(), r.rule(), r.severity(), r.cwe());
    }
}
