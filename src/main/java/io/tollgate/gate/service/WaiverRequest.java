package io.tollgate.gate.service;

import io.tollgate.gate.Waiver;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request for a waiver.
 *
 * @param subject    the control id, the condition's metric as the policy writes it (e.g. {@code score}), or the
 *                   finding's id
 * @param expiresOn  the last day the waiver applies, {@code YYYY-MM-DD}; required, at most the configured number of
 *                   days ahead, unless {@code untilFixed}
 * @param untilFixed for a finding: the waiver ends when the finding is fixed, or after the configured maximum
 */
public record WaiverRequest(@NotBlank String team, @NotNull Waiver.Kind kind, @NotBlank @Size(max = 100) String subject,
                            @NotBlank @Size(min = 20, max = 2000, message = "must be 20 to 2000 characters") String reason,
                            String expiresOn, Boolean untilFixed) {
}
