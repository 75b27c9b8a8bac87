package io.tollgate.findings.parsers;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.Location;
import java.io.InputStream;

/**
 * Reading XML reports safely: no DTDs, no external entities (XXE), no entity expansion. Reports are streamed
 * with StAX.
 */
public final class XmlReports {

    private static final XMLInputFactory FACTORY = hardenedFactory();

    private XmlReports() {
    }

    public static XMLStreamReader reader(InputStream report, String format) throws ReportFormatException {
        try {
            return FACTORY.createXMLStreamReader(report);
        } catch (XMLStreamException e) {
            throw malformed(format, e);
        }
    }

    public static ReportFormatException malformed(String format, XMLStreamException e) {
        String reason = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message: ", "");
        return new ReportFormatException(format, position(e.getLocation()), "malformed XML: " + reason.strip(), e);
    }

    public static String position(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return null;
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        // Not coalescing: long texts arrive in pieces, which XmlWalker cuts while reading instead of holding whole.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
