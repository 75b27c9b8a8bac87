package io.tollgate.org.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A source repository a team scans, in one environment. */
public record ComponentDraft(
        @NotBlank @Size(max = 32) String environment,
        @NotBlank @Size(max = 290) String repository,
        @Size(max = 120) String name) {
}
