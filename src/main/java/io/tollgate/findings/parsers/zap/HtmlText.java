package io.tollgate.findings.parsers.zap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** ZAP's descriptions, solutions and references are small HTML fragments; Tollgate keeps them as plain text. */
final class HtmlText {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</li>|</div>|<li>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+?(?=https?://|[\\s<>\"]|$)");

    private HtmlText() {
    }

    /** The text without tags and with entities decoded, one paragraph a line; {@code null} when nothing is left. */
    static String text(String html) {
        if (html == null) {
            return null;
        }
        String text = decode(TAG.matcher(BREAK.matcher(html).replaceAll("\n")).replaceAll(""));
        String lines = Stream.of(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        return lines.isEmpty() ? null : lines;
    }

    /** Every link in the text, in order and once, also when ZAP ran several of them together without a separator. */
    static List<String> links(String html) {
        String text = text(html);
        Set<String> links = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = URL.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
        }
        return new ArrayList<>(links);
    }

    private static String decode(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
