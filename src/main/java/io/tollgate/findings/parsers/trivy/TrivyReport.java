package io.tollgate.findings.parsers.trivy;

import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.reading.JsonWalker;

/**
 * The outer structure of one Trivy report, walked as a stream: {@code Results} of schema 2, a legacy array of results,
 * or the workloads of a Kubernetes report ({@code Resources}, or {@code Vulnerabilities} and {@code Misconfigurations}
 * lists of workloads in older versions). Each result goes to {@link TrivyFindings} on its own.
 */
final class TrivyReport {

    private final JsonWalker walker;
    private final TrivyFindings findings;
    private boolean recognised;

    TrivyReport(JsonWalker walker, TrivyFindings findings) {
        this.walker = walker;
        this.findings = findings;
    }

    void read() throws ReportFormatException {
        switch (walker.current()) {
            case VALUE_NULL -> {
                // Trivy before 0.20 wrote a bare null when a scan found nothing
            }
            case START_ARRAY -> walker.elements("", (result, pointer) -> findings.result(result, pointer, null));
            case START_OBJECT -> readObject();
            default -> throw walker.shapeError("", "not a Trivy report: expected an object with SchemaVersion and Results");
        }
    }

    private void readObject() throws ReportFormatException {
        walker.fields("", (name, pointer) -> {
            switch (name) {
                case "SchemaVersion", "ArtifactName", "ClusterName" -> {
                    recognised = true;
                    walker.skip();
                }
                case "Results" -> {
                    recognised = true;
                    walker.elements(pointer, (result, at) -> findings.result(result, at, null));
                }
                case "Resources", "Vulnerabilities", "Misconfigurations" -> {
                    recognised = true;
                    walker.elements(pointer, findings::workload);
                }
                default -> walker.skip();
            }
        });
        if (!recognised) {
            throw walker.shapeError("", "not a Trivy report: no SchemaVersion, Results or Resources");
        }
    }
}
