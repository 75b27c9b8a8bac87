package io.tollgate.findings.parsers.trivy;

import io.tollgate.findings.parsers.MaskedSecret;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tollgate keeps of a Trivy secret finding's {@code Match}: the line that holds the secret. When the secret
 * itself can be cut out of the line (the value after {@code =} or {@code :}), only that is masked and hashed; when Trivy
 * already starred it out, the whole line is, so that the hash still tells different secrets apart.
 */
final class TrivySecretMatch {

    private static final Pattern ASSIGNED_VALUE = Pattern.compile("[=:]\\s*[\"'`]?([^\"'`\\s,;]+)[\"'`]?[\\s,;]*$");

    private TrivySecretMatch() {
    }

    static MaskedSecret mask(String match) {
        if (match == null || match.isBlank()) {
            return null;
        }
        String line = match.strip();
        Matcher value = ASSIGNED_VALUE.matcher(line);
        if (value.find() && !value.group(1).chars().allMatch(c -> c == '*')) {
            return MaskedSecret.of(value.group(1));
        }
        return MaskedSecret.of(line);
    }
}
