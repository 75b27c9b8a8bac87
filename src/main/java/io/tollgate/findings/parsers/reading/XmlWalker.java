package io.tollgate.findings.parsers.reading;

import io.tollgate.findings.parsers.NormalizedFinding;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.TextCut;
import io.tollgate.findings.parsers.XmlReports;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks a large XML report with the hardened StAX reader from start tag to start tag, and reads the elements a parser
 * asks for into {@link XmlElement}s, one at a time. Every problem becomes a {@link ReportFormatException} with the line
 * and column where the report broke.
 * <p>
 * What it holds is bounded: elements nest at most {@link #MAX_DEPTH} deep; an element's text is kept up to
 * {@link NormalizedFinding#LONG_TEXT_CHARS} characters and cut there with a marker while it is read; one element read
 * with everything under it holds at most {@link #MAX_ELEMENTS} elements and {@link #MAX_CHARS} characters.
 */
public final class XmlWalker {

    /** How deep elements may nest; real reports stay below fifteen levels. */
    public static final int MAX_DEPTH = 100;
    /** The most elements one {@link #read} holds (one alert, dependency or vulnerability with all under it). */
    public static final int MAX_ELEMENTS = 500_000;
    /** The most characters of text and attribute values one {@link #read} holds. */
    public static final int MAX_CHARS = 16_000_000;

    private final XMLStreamReader reader;
    private final String format;
    private int depth;
    private int elementsLeft;
    private long charsLeft;

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
                if (step() == XMLStreamConstants.START_ELEMENT) {
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
        elementsLeft = MAX_ELEMENTS;
        charsLeft = MAX_CHARS;
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

    private XmlElement readElement(Set<String> skipped) throws XMLStreamException, ReportFormatException {
        String name = reader.getLocalName();
        if (--elementsLeft < 0) {
            throw new ReportFormatException(format, position(), String.format(Locale.ROOT,
                    "one element holds more than %,d elements, more than Tollgate reads at once", MAX_ELEMENTS));
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String value = reader.getAttributeValue(i);
            hold(value.length());
            attributes.put(reader.getAttributeLocalName(i), value);
        }
        StringBuilder text = new StringBuilder();
        long cut = 0;
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
                int room = NormalizedFinding.LONG_TEXT_CHARS - text.length();
                int length = reader.getTextLength();
                int kept = Math.min(room, length);
                hold(kept);
                text.append(reader.getTextCharacters(), reader.getTextStart(), kept);
                cut += length - kept;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new XmlElement(name, attributes, text(text, cut), children);
            }
        }
    }

    /** The element's text, trimmed, or cut with a marker; {@code null} when blank. */
    private static String text(StringBuilder text, long cut) {
        if (cut == 0) {
            String trimmed = text.toString().strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
        return TextCut.cut(text, text.length(), cut, NormalizedFinding.LONG_TEXT_CHARS).stripLeading();
    }

    private void hold(int chars) throws ReportFormatException {
        charsLeft -= chars;
        if (charsLeft < 0) {
            throw new ReportFormatException(format, position(), String.format(Locale.ROOT,
                    "one element holds more than %,d characters of text, more than Tollgate reads at once", MAX_CHARS));
        }
    }

    private void skipElement() throws XMLStreamException, ReportFormatException {
        String name = reader.getLocalName();
        int inside = 1;
        while (inside > 0) {
            int event = next(name);
            if (event == XMLStreamConstants.START_ELEMENT) {
                inside++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                inside--;
            }
        }
    }

    private int next(String inside) throws XMLStreamException, ReportFormatException {
        if (!reader.hasNext()) {
            throw new XMLStreamException("the report ends inside <" + inside + ">", reader.getLocation());
        }
        return step();
    }

    /** The next event, keeping count of how deep the reader is; entity references are refused, never expanded. */
    private int step() throws XMLStreamException, ReportFormatException {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
            throw new ReportFormatException(format, position(), "elements nest deeper than " + MAX_DEPTH
                    + " levels, more than Tollgate reads (at <" + reader.getLocalName() + ">)");
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new ReportFormatException(format, position(), "malformed XML: the entity \"" + reader.getLocalName()
                    + "\" is referenced; Tollgate reads no entities declared in a DTD");
        }
        return event;
    }
}
