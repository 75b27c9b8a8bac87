package io.tollgate.findings;

/** A full scan covers everything the tool checks, so what it no longer reports is fixed; a partial scan does not. */
public enum ScanMode {
    FULL, PARTIAL;

    /** "full" or "partial", any case; full when absent. */
    public static ScanMode fromParameter(String mode) {
        if (mode == null || mode.isBlank()) {
            return FULL;
        }
        try {
            return valueOf(mode.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new io.tollgate.platform.InvalidInputException("mode", "must be full or partial");
        }
    }
}
