package io.tollgate.org.service;

import io.tollgate.org.GlobalRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** What it takes to add a person. LEARNER is implied; MANAGER and SECURITY_ADMIN are granted explicitly. */
public record PersonDraft(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Set<GlobalRole> roles) {
}
