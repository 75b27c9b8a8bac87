package io.tollgate.gate;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A waiver's state over time, and what it covers. */
class WaiverTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void anApprovedWaiverStopsApplyingAtItsExpiryAndShowsAsExpired() {
        Waiver waiver = waiver(Waiver.Kind.CONTROL, "root-mfa-enabled", Waiver.State.APPROVED);
        assertThat(waiver.activeAt(EXPIRY.minusSeconds(1))).isTrue();
        assertThat(waiver.activeAt(EXPIRY)).isFalse();
        assertThat(waiver.stateAt(EXPIRY)).isEqualTo(Waiver.State.EXPIRED);
        assertThat(waiver(Waiver.Kind.CONTROL, "x", Waiver.State.REQUESTED).activeAt(EXPIRY.minusSeconds(1))).isFalse();
        assertThat(waiver(Waiver.Kind.CONTROL, "x", Waiver.State.REVOKED).stateAt(EXPIRY)).isEqualTo(Waiver.State.REVOKED);
    }

    @Test
    void aControlWaiverCoversItsControlConditionAndAConditionWaiverItsMetric() {
        assertThat(waiver(Waiver.Kind.CONTROL, "root-mfa-enabled", Waiver.State.APPROVED).covers("control:root-mfa-enabled")).isTrue();
        assertThat(waiver(Waiver.Kind.CONTROL, "root-mfa-enabled", Waiver.State.APPROVED).covers("score")).isFalse();
        assertThat(waiver(Waiver.Kind.CONDITION, "score", Waiver.State.APPROVED).covers("score")).isTrue();
        assertThat(waiver(Waiver.Kind.CONDITION, "score", Waiver.State.APPROVED).covers("open:CRITICAL")).isFalse();
    }

    private static Waiver waiver(Waiver.Kind kind, String subject, Waiver.State state) {
        Waiver waiver = new Waiver();
        waiver.kind = kind;
        waiver.subject = subject;
        waiver.state = state;
        waiver.expiresAt = EXPIRY;
        return waiver;
    }
}
