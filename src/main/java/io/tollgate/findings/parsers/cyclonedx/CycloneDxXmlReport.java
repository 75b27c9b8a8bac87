package io.tollgate.findings.parsers.cyclonedx;

import io.tollgate.findings.parsers.CweIds;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.reading.FindingText;
import io.tollgate.findings.parsers.reading.XmlElement;
import io.tollgate.findings.parsers.reading.XmlWalker;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A CycloneDX XML BOM, streamed one component and one vulnerability at a time. Reads the vulnerability extension of
 * 1.0-1.3 BOMs ({@code v:vulnerability}, at the end of the BOM or inside the affected component) and the
 * {@code vulnerabilities} of 1.4 and later; the schema puts components before vulnerabilities.
 */
final class CycloneDxXmlReport {

    private static final Set<String> PASSED_OVER = Set.of("hashes", "licenses", "externalReferences", "properties", "evidence");

    private CycloneDxXmlReport() {
    }

    static void read(InputStream report, BomReader bom) throws ReportFormatException {
        XmlWalker walker = XmlWalker.open(report, CycloneDxParser.ID, Set.of("bom"));
        for (String element = walker.nextStart(); element != null; element = walker.nextStart()) {
            if (element.equals("component")) {
                component(walker.read(PASSED_OVER), bom);
            } else if (element.equals("vulnerability")) {
                bom.componentsRead();
                bom.vulnerability(vulnerability(walker.read(PASSED_OVER), null));
            }
        }
        bom.finish();
    }

    /** A component with the components nested in it, and the vulnerabilities the 1.0 extension writes inside it. */
    private static void component(XmlElement element, BomReader bom) {
        BomComponent component = new BomComponent(element.attribute("bom-ref"), element.childText("group"),
                element.childText("name"), element.childText("version"), element.childText("purl"));
        bom.component(component);
        for (XmlElement nested : element.path("components", "component")) {
            component(nested, bom);
        }
        for (XmlElement vulnerability : element.path("vulnerabilities", "vulnerability")) {
            bom.vulnerability(vulnerability(vulnerability, component));
        }
    }

    private static BomVulnerability vulnerability(XmlElement vulnerability, BomComponent enclosing) {
        List<BomVulnerability.Rating> ratings = new ArrayList<>();
        for (XmlElement rating : vulnerability.path("ratings", "rating")) {
            Double score = rating.number("score") != null ? rating.number("score") : rating.number("score", "base");
            ratings.add(new BomVulnerability.Rating(rating.childText("severity"), score));
        }
        List<String> advisories = new ArrayList<>();
        for (XmlElement advisory : vulnerability.path("advisories", "advisory")) {
            advisories.add(advisory.childText("url") != null ? advisory.childText("url") : advisory.text());
        }
        List<String> affects = new ArrayList<>(vulnerability.texts("affects", "target", "ref"));
        if (vulnerability.attribute("ref") != null) {
            affects.add(vulnerability.attribute("ref"));
        }
        XmlElement analysis = vulnerability.child("analysis");
        XmlElement source = vulnerability.child("source");
        String recommendation = vulnerability.childText("recommendation") != null ? vulnerability.childText("recommendation")
                : FindingText.joined("\n", vulnerability.texts("recommendations", "recommendation").toArray(String[]::new));
        return new BomVulnerability(vulnerability.childText("id"), source == null ? null : source.childText("url"),
                vulnerability.texts("references", "reference", "id"), ratings,
                CweIds.parse(vulnerability.texts("cwes", "cwe").stream().map(cwe -> "CWE-" + cwe).toList()),
                vulnerability.childText("description"), vulnerability.childText("detail"), recommendation, advisories,
                affects, enclosing,
                analysis == null ? null : new BomVulnerability.Analysis(analysis.childText("state"),
                        analysis.childText("justification"), analysis.childText("detail")));
    }
}
