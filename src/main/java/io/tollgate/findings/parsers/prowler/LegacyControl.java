package io.tollgate.findings.parsers.prowler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prowler 2 control title, "[check114] Ensure hardware MFA is enabled for the root account": the check name in
 * brackets is Prowler 2's stable check id, the rest is the title.
 *
 * @param checkName the bracketed check name, or {@code null} when the title has none
 * @param title     the title without the bracketed check name
 */
record LegacyControl(String checkName, String title) {

    private static final Pattern BRACKETED = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*(.*)$", Pattern.DOTALL);

    static LegacyControl parse(String text) {
        if (text == null) {
            return new LegacyControl(null, null);
        }
        Matcher matcher = BRACKETED.matcher(text);
        return matcher.matches() ? new LegacyControl(matcher.group(1).strip(), matcher.group(2).strip()) : new LegacyControl(null, text.strip());
    }
}
