package io.tollgate.aws.collector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells whether an environment variable looks like it holds a secret, and what kind, by its value's shape or its
 * name. Only the kind leaves this class: the value is never kept, logged or stored.
 */
final class SecretShapes {

    private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b"));
        SHAPES.put("private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));
        SHAPES.put("GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"));
        SHAPES.put("Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"));
        SHAPES.put("JSON Web Token", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+"));
    }

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(secret|passw(or)?d|passwd|token|api_?key|private_?key|access_?key|credential).*");
    /** Values that point at a secret store rather than hold the secret. */
    private static final Pattern REFERENCE = Pattern.compile("(?i)^(arn:aws[a-z-]*:(secretsmanager|ssm|kms):|\\{\\{resolve:).*");

    private SecretShapes() {
    }

    static Optional<String> kind(String name, String value) {
        if (value == null || value.isBlank() || REFERENCE.matcher(value).matches()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Pattern> shape : SHAPES.entrySet()) {
            if (shape.getValue().matcher(value).find()) {
                return Optional.of(shape.getKey());
            }
        }
        return SECRET_NAME.matcher(name).matches() ? Optional.of("secret by its name") : Optional.empty();
    }
}
