package io.tollgate.org.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to create or rename a team. */
public record TeamDraft(
        @NotBlank @Size(min = 2, max = 40)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "use lower-case letters, digits and single hyphens")
        String slug,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 500) String description) {
}
