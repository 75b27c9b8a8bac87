package io.tollgate.findings.parsers;

/**
 * What Tollgate keeps of a leaked secret: its first few characters and a SHA-256 hash to recognise it again.
 * Parsers of secret scanners build this straight from the report and drop the secret itself.
 */
public record MaskedSecret(String masked, String sha256) {

    private static final int SHOWN = 4;

    public static MaskedSecret of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        String shown = secret.length() <= SHOWN * 2 ? secret.substring(0, Math.min(2, secret.length())) : secret.substring(0, SHOWN);
        return new MaskedSecret(shown + "…", Digests.sha256(secret));
    }
}
