package io.tollgate.findings.parsers.cyclonedx;

import io.tollgate.findings.parsers.ReportSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What both CycloneDX readers share: the components known so far by bom-ref, and vulnerabilities held back until
 * the components they point at have been read (a JSON BOM may list its vulnerabilities first).
 */
final class BomReader {

    private final ReportSink sink;
    private final Map<String, BomComponent> components = new HashMap<>();
    private final List<BomVulnerability> waiting = new ArrayList<>();
    private boolean componentsRead;

    BomReader(ReportSink sink) {
        this.sink = sink;
    }

    void component(BomComponent component) {
        if (component.bomRef() != null) {
            components.putIfAbsent(component.bomRef(), component);
        }
    }

    /** Called once the BOM's component list has been read: vulnerabilities from then on are reported at once. */
    void componentsRead() {
        componentsRead = true;
        flush();
    }

    void vulnerability(BomVulnerability vulnerability) {
        if (componentsRead) {
            CycloneDxFindings.of(vulnerability, components).forEach(sink::finding);
        } else {
            waiting.add(vulnerability);
        }
    }

    /** At the end of the BOM: whatever waited is reported with the components there are. */
    void finish() {
        componentsRead();
    }

    private void flush() {
        waiting.forEach(vulnerability -> CycloneDxFindings.of(vulnerability, components).forEach(sink::finding));
        waiting.clear();
    }
}
