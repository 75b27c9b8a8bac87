package io.tollgate.findings.parsers.reading;

import java.util.Optional;

/**
 * The root start tag at the beginning of an XML report, found past the declaration, comments and a DOCTYPE, so that
 * {@code accepts(...)} can look at the root element and its namespace without parsing.
 *
 * @param name the root element's name as written, with its prefix if any
 * @param text the whole start tag, attributes and namespace declarations included (cut short if the head ends first)
 */
public record XmlHead(String name, String text) {

    public static Optional<XmlHead> of(String head) {
        int at = 0;
        while (true) {
            at = head.indexOf('<', at);
            if (at < 0 || at + 1 >= head.length()) {
                return Optional.empty();
            }
            if (head.startsWith("<?", at)) {
                at = skipPast(head, at, "?>");
            } else if (head.startsWith("<!--", at)) {
                at = skipPast(head, at, "-->");
            } else if (head.startsWith("<!", at)) {
                at = skipPast(head, at, ">");
            } else {
                return Optional.of(startTag(head, at));
            }
            if (at < 0) {
                return Optional.empty();
            }
        }
    }

    /** The name without its namespace prefix. */
    public String localName() {
        return name.substring(name.indexOf(':') + 1);
    }

    private static int skipPast(String head, int from, String end) {
        int found = head.indexOf(end, from);
        return found < 0 ? -1 : found + end.length();
    }

    private static XmlHead startTag(String head, int at) {
        int end = head.indexOf('>', at);
        String text = end < 0 ? head.substring(at) : head.substring(at, end + 1);
        int nameEnd = 1;
        while (nameEnd < text.length() && !Character.isWhitespace(text.charAt(nameEnd)) && "/>".indexOf(text.charAt(nameEnd)) < 0) {
            nameEnd++;
        }
        return new XmlHead(text.substring(1, nameEnd), text);
    }
}
