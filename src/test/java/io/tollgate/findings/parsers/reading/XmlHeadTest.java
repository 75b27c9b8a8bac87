package io.tollgate.findings.parsers.reading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlHeadTest {

    @Test
    void theRootTagIsFoundPastTheDeclarationCommentsAndDoctype() {
        String head = "<?xml version=\"1.0\"?>\n<!-- written by a scanner -->\n<!DOCTYPE report>\n"
                + "<cdx:bom xmlns:cdx=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\"><components>";

        XmlHead root = XmlHead.of(head).orElseThrow();

        assertThat(root.name()).isEqualTo("cdx:bom");
        assertThat(root.localName()).isEqualTo("bom");
        assertThat(root.text()).isEqualTo("<cdx:bom xmlns:cdx=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\">");
    }

    @Test
    void aHeadCutInsideTheRootTagStillNamesIt() {
        assertThat(XmlHead.of("<OWASPZAPReport programName=\"ZAP\" vers").orElseThrow().name()).isEqualTo("OWASPZAPReport");
    }

    @Test
    void textWithoutAnElementHasNoRoot() {
        assertThat(XmlHead.of("<?xml version=\"1.0\"?><!-- nothing else")).isEmpty();
        assertThat(XmlHead.of("{\"not\": \"xml\"}")).isEmpty();
    }
}
