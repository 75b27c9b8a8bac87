package io.tollgate.ci.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What people send to create CI credentials. */
public final class CredentialDrafts {

    private CredentialDrafts() {
    }

    /**
     * A new API token.
     *
     * @param scopes        {@code scans:upload}, {@code gate:evaluate} or both
     * @param expiresInDays lifetime in days; the configured default when absent
     */
    public record TokenDraft(@NotBlank @Size(max = 100) String name, List<String> scopes, Integer expiresInDays) {
    }

    /**
     * A new signing secret; the team's current secrets stay valid for {@code previousValidHours} more (the rotation
     * overlap; the configured default when absent, 0 ends them now).
     */
    public record SecretDraft(@NotBlank @Size(max = 100) String name, Integer previousValidHours) {
    }
}
