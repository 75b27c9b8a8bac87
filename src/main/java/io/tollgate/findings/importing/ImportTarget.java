package io.tollgate.findings.importing;

/** The lifecycle scope of an import: findings of this component and tool. */
record ImportTarget(long teamId, long environmentId, long componentId, String tool) {
}
