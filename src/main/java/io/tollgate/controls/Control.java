package io.tollgate.controls;

import io.tollgate.findings.parsers.Severity;

import java.util.Set;

/**
 * A yes/no check of an AWS account tied to a practice of the talk, with the Prowler checks and Security Hub
 * controls that evaluate the same thing.
 */
public record Control(String id, String title, Severity severity, String practice, String lesson,
                      Set<String> prowlerChecks, Set<String> securityHubControls) {
}
