package io.tollgate.gate.service;

import io.tollgate.gate.Waiver;

import java.time.Instant;

/**
 * A waiver as the API and pages show it, with its state as of now (an approved waiver past expiry is EXPIRED).
 *
 * @param finding    the finding a FINDING waiver covers
 * @param untilFixed whether a finding waiver ends when the finding is fixed
 */
public record WaiverView(long id, String team, Waiver.Kind kind, String subject, String reason, Waiver.State state,
                         Instant expiresAt, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                         Long finding, boolean untilFixed) {

    static WaiverView of(Waiver waiver, Instant now) {
        return new WaiverView(waiver.id, waiver.team.slug, waiver.kind, waiver.subject, waiver.reason,
                waiver.stateAt(now), waiver.expiresAt, waiver.requestedBy.email, waiver.requestedAt,
                waiver.decidedBy == null ? null : waiver.decidedBy.email, waiver.decidedAt, waiver.findingId, waiver.untilFixed);
    }
}
