package io.tollgate.findings.parsers.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of an XML report read into memory with everything under it: what a streaming parser holds while it maps
 * one alert, dependency or vulnerability. Names are local names, without namespace prefix.
 *
 * @param name       local name
 * @param attributes attributes by local name
 * @param text       the element's own text, trimmed, or {@code null} when blank
 * @param children   child elements in document order
 */
public record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The first child of that name, or {@code null}. */
    public XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    /** Every child of that name. */
    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** Every element of that name found by following the path of child names, e.g. {@code "references", "reference"}. */
    public List<XmlElement> path(String... names) {
        List<XmlElement> found = List.of(this);
        for (String step : names) {
            List<XmlElement> next = new ArrayList<>();
            found.forEach(e -> next.addAll(e.children(step)));
            found = next;
        }
        return found;
    }

    /** The text of the first child of that name, or {@code null}. */
    public String childText(String childName) {
        XmlElement child = child(childName);
        return child == null ? null : child.text;
    }

    /** The texts of the elements found by {@link #path}, blanks left out. */
    public List<String> texts(String... names) {
        return path(names).stream().map(XmlElement::text).filter(t -> t != null).toList();
    }

    /** The text of the first element found by {@link #path} that holds a decimal number, as one; {@code null} if none does. */
    public Double number(String... names) {
        for (XmlElement element : path(names)) {
            if (element.text != null && element.text.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                return Double.valueOf(element.text);
            }
        }
        return null;
    }

    public String attribute(String attributeName) {
        String value = attributes.get(attributeName);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
