package io.tollgate.findings.parsers.reading;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a package URL ({@code pkg:maven/org.dom4j/dom4j@2.1.1}) that name a package and its version.
 *
 * @param type      the ecosystem: maven, npm, pypi, nuget...
 * @param namespace the Maven group, npm scope or other namespace, or {@code null}
 * @param name      the package
 * @param version   the version, or {@code null}
 */
public record PackageUrl(String type, String namespace, String name, String version) {

    private static final Pattern PURL = Pattern.compile("^pkg:([A-Za-z0-9.+-]+)/([^@?#]+?)(?:@([^?#]+))?(?:[?#].*)?$");

    public static Optional<PackageUrl> parse(String text) {
        Matcher matcher = PURL.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String path = matcher.group(2);
        int slash = path.lastIndexOf('/');
        String namespace = slash < 0 ? null : decode(path.substring(0, slash));
        String version = matcher.group(3) == null ? null : decode(matcher.group(3));
        return Optional.of(new PackageUrl(matcher.group(1).toLowerCase(), namespace, decode(path.substring(slash + 1)), version));
    }

    /** The name people use: {@code group:artifact} for Maven, {@code @scope/name} for npm, {@code namespace/name} otherwise. */
    public String packageName() {
        if (namespace == null) {
            return name;
        }
        return namespace + ("maven".equals(type) ? ":" : "/") + name;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
