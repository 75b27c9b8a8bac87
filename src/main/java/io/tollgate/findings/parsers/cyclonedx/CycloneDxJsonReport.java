package io.tollgate.findings.parsers.cyclonedx;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.reading.JsonWalker;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static io.tollgate.findings.parsers.JsonReports.text;

/**
 * A CycloneDX JSON BOM, streamed: the components (nested ones too) are kept by bom-ref, the vulnerabilities read one
 * at a time.
 */
final class CycloneDxJsonReport {

    private final JsonWalker walker;
    private final BomReader bom;
    private boolean recognised;

    private CycloneDxJsonReport(JsonWalker walker, BomReader bom) {
        this.walker = walker;
        this.bom = bom;
    }

    static void read(InputStream report, BomReader bom) throws ReportFormatException {
        new CycloneDxJsonReport(JsonWalker.open(report, CycloneDxParser.ID), bom).read();
    }

    private void read() throws ReportFormatException {
        if (walker.current() != JsonToken.START_OBJECT) {
            throw walker.shapeError("", "not a CycloneDX BOM: expected an object with bomFormat \"CycloneDX\"");
        }
        walker.fields("", (name, pointer) -> {
            switch (name) {
                case "bomFormat" -> bomFormat(pointer);
                case "specVersion" -> {
                    recognised = true;
                    walker.skip();
                }
                case "metadata" -> components(walker.tree().path("component"));
                case "components" -> {
                    walker.elements(pointer, (component, at) -> components(component));
                    bom.componentsRead();
                }
                case "vulnerabilities" -> walker.elements(pointer, this::vulnerability);
                default -> walker.skip();
            }
        });
        if (!recognised) {
            throw walker.shapeError("", "not a CycloneDX BOM: no bomFormat or specVersion");
        }
        bom.finish();
    }

    private void bomFormat(String pointer) throws ReportFormatException {
        String format = walker.tree().asText();
        if (!"CycloneDX".equals(format)) {
            throw walker.shapeError(pointer, "not a CycloneDX BOM: bomFormat is \"" + format + "\"");
        }
        recognised = true;
    }

    private void components(JsonNode component) {
        if (!component.isObject()) {
            return;
        }
        bom.component(new BomComponent(text(component, "bom-ref"), text(component, "group"), text(component, "name"),
                text(component, "version"), text(component, "purl")));
        component.path("components").forEach(this::components);
    }

    private void vulnerability(JsonNode vulnerability, String pointer) throws ReportFormatException {
        if (!vulnerability.isObject()) {
            throw walker.shapeError(pointer, "expected a vulnerability object");
        }
        List<BomVulnerability.Rating> ratings = new ArrayList<>();
        for (JsonNode rating : vulnerability.path("ratings")) {
            JsonNode score = rating.path("score");
            ratings.add(new BomVulnerability.Rating(text(rating, "severity"), score.isNumber() ? score.asDouble() : null));
        }
        List<Integer> cwes = new ArrayList<>();
        vulnerability.path("cwes").forEach(cwe -> {
            if (cwe.canConvertToInt() && cwe.asInt() > 0) {
                cwes.add(cwe.asInt());
            }
        });
        JsonNode analysis = vulnerability.path("analysis");
        bom.vulnerability(new BomVulnerability(text(vulnerability, "id"), text(vulnerability.path("source"), "url"),
                values(vulnerability.path("references"), "id"), ratings, cwes, text(vulnerability, "description"),
                text(vulnerability, "detail"), text(vulnerability, "recommendation"),
                values(vulnerability.path("advisories"), "url"), values(vulnerability.path("affects"), "ref"), null,
                analysis.isObject() ? new BomVulnerability.Analysis(text(analysis, "state"), text(analysis, "justification"),
                        text(analysis, "detail")) : null));
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            String value = JsonReports.text(element, field);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
