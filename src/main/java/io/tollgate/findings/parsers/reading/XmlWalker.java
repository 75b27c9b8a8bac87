package io.tollgate.findings.parsers.reading;

import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.XmlReports;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a large XML report with the hardened StAX reader from start tag to start tag, and reads the elements a parser
 * asks for into {@link XmlElement}s, one at a time. Every problem becomes a {@link ReportFormatException} with the line
 * and column where the report broke.
 */
public final class XmlWalker {

    private final XMLStreamReader reader;
    private final String format;

    private XmlWalker(XMLStreamReader reader, String format) {
        this.reader = reader;
        this.format = format;
    }

    /** Opens the report and moves to its root element, which must have one of the expected local names. */
    public static XmlWalker open(InputStream report, String format, Set<String> rootNames) throws ReportFormatException {
        XmlWalker walker = new XmlWalker(XmlReports.reader(report, format), format);
        String root = walker.nextStart();
        if (root == null) {
            throw new ReportFormatException(format, walker.position(), "the report has no root element");
        }
        if (!rootNames.contains(root)) {
            throw new ReportFormatException(format, walker.position(),
                    "expected the root element " + String.join(" or ", rootNames.stream().sorted().toList()) + ", found <" + root + ">");
        }
        return walker;
    }

    /**
     * Moves to the next start tag anywhere below and returns its local name, or {@code null} at the end of the report.
     * A report that stops before its root element is closed is refused as truncated.
     */
    public String nextStart() throws ReportFormatException {
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return reader.getLocalName();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw XmlReports.malformed(format, e);
        }
    }

    /** An attribute of the start tag the walker stands on, or {@code null}. */
    public String attribute(String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * Reads the element the walker stands on, with everything under it, and leaves the walker on its end tag.
     * Elements named in {@code skipped} are passed over without being kept (bulky evidence, HTTP bodies).
     */
    public XmlElement read(Set<String> skipped) throws ReportFormatException {
        try {
            return readElement(skipped);
        } catch (XMLStreamException e) {
            throw XmlReports.malformed(format, e);
        }
    }

    public XmlElement read() throws ReportFormatException {
        return read(Set.of());
    }

    public String position() {
        String position = XmlReports.position(reader.getLocation());
        return position == null ? "end of report" : position;
    }

    private XmlElement readElement(Set<String> skipped) throws XMLStreamException {
        String name = reader.getLocalName();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            int event = next(name);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (skipped.contains(reader.getLocalName())) {
                    skipElement();
                } else {
                    children.add(readElement(skipped));
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String trimmed = text.toString().strip();
                return new XmlElement(name, attributes, trimmed.isEmpty() ? null : trimmed, children);
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        String name = reader.getLocalName();
        int depth = 1;
        while (depth > 0) {
            int event = next(name);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private int next(String inside) throws XMLStreamException {
        if (!reader.hasNext()) {
            throw new XMLStreamException("the report ends inside <" + inside + ">", reader.getLocation());
        }
        return reader.next();
    }
}
