package io.tollgate.findings.parsers.npmaudit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;
import io.tollgate.findings.parsers.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What npm 6 advisories and npm 7 "via" advisories have in common: title, severity, ids and links. */
final class NpmAdvisories {

    static final String TOOL = "npm audit";

    private static final Pattern GHSA = Pattern.compile("GHSA(-[23456789cfghjmpqrvwx]{4}){3}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]>\"]+");

    private NpmAdvisories() {
    }

    /** The advisory's title, naming the package when the title does not already. */
    static String title(String title, String packageName) {
        String text = title == null ? null : title.strip();
        if (packageName == null || text != null && text.toLowerCase(Locale.ROOT).contains(packageName.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return (text == null || text.isEmpty() ? "Vulnerability" : text) + " in " + packageName;
    }

    /** npm's label (critical, high, moderate, low, info); else the CVSS score; else MEDIUM. */
    static Severity severity(JsonNode advisory) {
        return Severity.fromLabel(JsonReports.text(advisory, "severity")).orElseGet(() -> {
            JsonNode score = advisory.path("cvss").path("score");
            return score.isNumber() && score.asDouble() > 0 ? Severity.fromCvss(score.asDouble()) : Severity.MEDIUM;
        });
    }

    /** GitHub advisory ids named in the texts (npm's advisory URLs are GitHub advisory pages). */
    static List<String> ghsaIds(String... texts) {
        Set<String> ids = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher matcher = GHSA.matcher(text);
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** The links in a text, such as npm 6's Markdown list of references. */
    static List<String> urls(String text) {
        List<String> urls = new ArrayList<>();
        if (text != null) {
            Matcher matcher = URL.matcher(text);
            while (matcher.find()) {
                urls.add(matcher.group());
            }
        }
        return urls;
    }
}
