package io.tollgate.training.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A lesson's {@code MAJOR.MINOR.PATCH} version; a new major version asks everyone for the lesson again. */
public record LessonVersion(int major, int minor, int patch) {

    private static final Pattern FORMAT = Pattern.compile("(0|[1-9]\\d{0,3})\\.(0|[1-9]\\d{0,3})\\.(0|[1-9]\\d{0,3})");

    public static Optional<LessonVersion> parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LessonVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
