package io.tollgate.org.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An environment of the promotion path; position orders it. */
public record EnvironmentDraft(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "use lower-case letters, digits and hyphens")
        String key,
        @NotBlank @Size(max = 80) String name,
        @Min(0) @Max(100000) int position,
        boolean production) {
}
