package io.tollgate.findings.parsers;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a text longer than Tollgate keeps to its cap, ending it with a marker that says how much was cut:
 * {@code … [cut by Tollgate: 1,234,567 more characters]}. The caps of a finding's fields are in
 * {@link NormalizedFinding}; readers of XML reports cut element text while reading, so that a huge text is never held.
 */
public final class TextCut {

    /** The marker a cut text ends with; it counts the characters cut. */
    private static final Pattern MARKER = Pattern.compile("… \\[cut by Tollgate: ([\\d,]+) more characters]$");

    private TextCut() {
    }

    /**
     * The text as it is when it has at most {@code cap} characters; otherwise its beginning and the marker, {@code cap}
     * characters in all. A text cut before (by a reader) counts what was cut then too.
     */
    public static String cut(String text, int cap) {
        if (text == null || text.length() <= cap) {
            return text;
        }
        Matcher earlier = MARKER.matcher(text);
        return earlier.find() ? cut(text, earlier.start(), Long.parseLong(earlier.group(1).replace(",", "")), cap)
                : cut(text, text.length(), 0, cap);
    }

    /**
     * The first {@code length} characters of a text that had {@code more} characters after them, cut to {@code cap}
     * characters with the marker; as it is when the whole text fits.
     */
    public static String cut(CharSequence text, int length, long more, int cap) {
        if (length + more <= cap) {
            return text.subSequence(0, length).toString();
        }
        int kept = Math.max(0, Math.min(length, cap - marker(length + more).length()));
        // The first guess counted every character as cut; counting the right number may free a digit for the text.
        kept = Math.max(0, Math.min(length, cap - marker(length + more - kept).length()));
        if (kept > 0 && Character.isHighSurrogate(text.charAt(kept - 1))) {
            kept--;
        }
        return text.subSequence(0, kept) + marker(length + more - kept);
    }

    private static String marker(long cut) {
        return String.format(Locale.ROOT, "… [cut by Tollgate: %,d more characters]", cut);
    }
}
