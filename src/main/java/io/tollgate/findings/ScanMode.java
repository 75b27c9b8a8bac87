package io.tollgate.findings;

/** A full scan covers everything the tool checks, so what it no longer reports is fixed; a partial scan does not. */
public enum ScanMode {
    FULL, PARTIAL
}
