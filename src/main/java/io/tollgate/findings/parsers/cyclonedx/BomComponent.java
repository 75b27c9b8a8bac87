package io.tollgate.findings.parsers.cyclonedx;

/**
 * A component of a CycloneDX BOM that a vulnerability can point at through its {@code bom-ref}.
 *
 * @param bomRef  the BOM's reference to it, or {@code null} in BOMs older than 1.1
 * @param group   Maven group, npm scope or other namespace, or {@code null}
 * @param name    the package
 * @param version the version, or {@code null}
 * @param purl    its package URL, or {@code null}
 */
record BomComponent(String bomRef, String group, String name, String version, String purl) {

    /** The name people use: {@code @scope/name} for npm scopes, {@code group:name} for other groups. */
    String packageName() {
        if (group == null || name == null) {
            return name;
        }
        return group + (group.startsWith("@") ? "/" : ":") + name;
    }
}
