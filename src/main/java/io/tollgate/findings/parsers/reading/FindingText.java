package io.tollgate.findings.parsers.reading;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Putting together the texts of a finding from the pieces a report gives, leaving out the missing ones. */
public final class FindingText {

    private FindingText() {
    }

    /** The non-blank parts joined by the separator, or {@code null} when there is none. */
    public static String joined(String separator, String... parts) {
        String joined = Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    /** {@code "Label: value"}, or {@code null} without a value. */
    public static String labelled(String label, String value) {
        return value == null || value.isBlank() ? null : label + ": " + value;
    }

    /** The non-blank values in order, each once. */
    public static List<String> distinct(Collection<String> values) {
        return List.copyOf(values.stream().filter(Objects::nonNull).filter(v -> !v.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
