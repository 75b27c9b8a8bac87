package io.tollgate.findings.parsers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CWE ids as scanners write them: "CWE-79", "cwe-79: Improper Neutralization...", "external/cwe/cwe-079", 79. */
public final class CweIds {

    private static final Pattern CWE = Pattern.compile("(?i)cwe[-_/: ]?0*(\\d{1,5})");

    private CweIds() {
    }

    /** Every CWE number mentioned in the texts, in order, without duplicates. */
    public static List<Integer> parse(Collection<String> texts) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = CWE.matcher(text);
            while (matcher.find()) {
                ids.add(Integer.valueOf(matcher.group(1)));
            }
        }
        return new ArrayList<>(ids);
    }

    public static List<Integer> parse(String... texts) {
        return parse(List.of(texts).stream().filter(t -> t != null).toList());
    }

    /** A bare number, as some formats give it ("79" or 79). */
    public static List<Integer> number(String text) {
        if (text == null) {
            return List.of();
        }
        String digits = text.strip().replaceFirst("(?i)^cwe-", "");
        return digits.matches("\\d{1,5}") ? List.of(Integer.valueOf(digits)) : parse(text);
    }
}
